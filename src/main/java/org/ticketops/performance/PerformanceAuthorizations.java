package org.ticketops.performance;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.ticketops.identity.Grants;

/**
 * The reviewed groups may read the review process's definition (its name and diagram in Tasklist), nothing more:
 * an employee works only on the tasks assigned to them (the engine grants the assignee their own task), and reads no
 * other review's variables or history. The groups that work on every review (HR, the managers) get their rights from
 * the kernel like any process.
 */
@Component
class PerformanceAuthorizations implements SmartInitializingSingleton {

    private final AuthorizationService authorizations;

    PerformanceAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (StaffGroup group : StaffGroup.values()) {
            Grants.grant(authorizations, group.groupId(), Resources.PROCESS_DEFINITION, PerformanceCycleCase.PROCESS_KEY,
                    Permissions.READ);
        }
    }
}
