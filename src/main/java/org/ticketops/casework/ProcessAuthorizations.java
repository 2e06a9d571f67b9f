package org.ticketops.casework;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.ticketops.identity.Grants;

/**
 * Derives each deployed process's Camunda authorizations from who works on it ({@link ProcessGroups}: its
 * BPMN and its case definition). Starter groups may start it and read its history; the groups that work
 * on its tasks, static or dynamic, also read its variables (with {@code enforceSpecificVariablePermission}
 * on, reading history alone does not reveal reviewers' comments or customers' details). A task's own variables are
 * read through the task (its candidates and assignee), never through the process: another group's task stays closed.
 */
@Component
class ProcessAuthorizations implements SmartInitializingSingleton {

    private final RepositoryService repository;
    private final AuthorizationService authorizations;
    private final List<CaseDefinition> definitions;

    ProcessAuthorizations(RepositoryService repository, AuthorizationService authorizations, List<CaseDefinition> definitions) {
        this.repository = repository;
        this.authorizations = authorizations;
        this.definitions = List.copyOf(definitions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            ProcessGroups groups = ProcessGroups.of(repository.getBpmnModelInstance(definition.getId()), definition.getKey(),
                    definitions);
            for (String group : groups.starters()) {
                Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.READ,
                        Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
                Grants.grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
            }
            for (String group : groups.workers()) {
                Grants.grant(authorizations, group, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.READ,
                        Permissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
                // a task's own variables (its form's context) only through the task: the engine grants those to its
                // candidates and assignee, so nobody reads the form of another group's task
                Grants.revoke(authorizations, group, Resources.PROCESS_DEFINITION, definition.getKey(),
                        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
            }
        }
    }
}
