package org.ticketops.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.ticketops.platform.TicketOpsProperties;

/**
 * Creates the staff groups and their Camunda authorizations at start, on every profile: Tasklist for
 * every group, everything for {@code camunda-admin}, Cockpit for the managers. What each group may do with
 * each process is derived by the case kernel ({@code casework.ProcessAuthorizations}).
 * Demo users only when demo data is on; the first administrator from {@code ticketops.admin.*}.
 * Idempotent: it only adds what is missing.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filterService;
    private final TaskService taskService;
    private final TicketOpsProperties properties;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations,
                  FilterService filterService, TaskService taskService,
                  TicketOpsProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filterService = filterService;
        this.taskService = taskService;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (List<String> group : org.ticketops.identity.Groups.ALL) {
            ensureGroup(group.get(0), group.get(1));
        }
        grantAdmin();
        for (List<String> group : org.ticketops.identity.Groups.ALL) {
            grant(group.get(0), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group.get(0), Resources.FILTER, Authorization.ANY, Permissions.READ);
        }
        for (String manager : List.of(org.ticketops.identity.Groups.OPERATIONS_MANAGER,
                org.ticketops.identity.Groups.GENERAL_MANAGER)) {
            grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(manager, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY,
                    Permissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
            grant(manager, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
        }
        ensureFilter("My tasks", -10, "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("Group tasks", 0, "Tasks for my groups, claimed or not",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        if (properties.demo().enabled()) {
            DemoUsers.USERS.forEach((user, groups) -> ensureUser(user, user, DemoUsers.NAMES.get(user), groups, true));
        }
        TicketOpsProperties.Admin admin = properties.admin();
        if (admin != null && admin.user() != null && !admin.user().isBlank()) {
            if (admin.password() == null || admin.password().isBlank()) {
                throw new IllegalStateException("TICKETOPS_ADMIN_USER is set but TICKETOPS_ADMIN_PASSWORD is empty");
            }
            ensureUser(admin.user(), admin.password(), new String[]{admin.user(), "(administrator)"},
                    List.of(org.ticketops.identity.Groups.ADMIN), false);
        }
    }

    /** Tasklist shows tasks through filters; every group may read these (see the FILTER grant above). */
    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
    }

    private void grantAdmin() {
        for (Resource resource : Resources.values()) {
            grant(org.ticketops.identity.Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Grants.grant(authorizations, group, resource, resourceId, permissions);
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(id.equals(org.ticketops.identity.Groups.ADMIN) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
    }

    private void ensureUser(String id, String password, String[] name, List<String> groups, boolean demoPassword) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(name[0]);
            user.setLastName(name[1]);
            user.setPassword(password);
            user.setEmail(id + "@ticketops.example");
            if (demoPassword) {
                // demo log-ins (password = user id) exist only with demo data; everyone else meets the policy
                ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(user, true);
            } else {
                identity.saveUser(user);
            }
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    static List<String> groupsOf(IdentityService identity, String userId) {
        List<String> groups = new ArrayList<>();
        identity.createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
        return groups;
    }
}
