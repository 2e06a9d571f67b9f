package org.ticketops.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Camunda grants that only ever add: a group's grant on a resource gains the permissions it lacks. */
public final class Grants {

    private Grants() {
    }

    public static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                             Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
        if (existing != null) {
            boolean changed = false;
            for (Permission permission : permissions) {
                if (!existing.isPermissionGranted(permission)) {
                    existing.addPermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizations.saveAuthorization(existing);
            }
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /** Takes permissions back from a group's grant on a resource (a grant an earlier release gave too widely). */
    public static void revoke(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        for (Authorization existing : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list()) {
            boolean changed = false;
            for (Permission permission : permissions) {
                if (existing.isPermissionGranted(permission)) {
                    existing.removePermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizations.saveAuthorization(existing);
            }
        }
    }
}
