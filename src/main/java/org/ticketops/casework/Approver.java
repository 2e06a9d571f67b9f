package org.ticketops.casework;

import org.ticketops.identity.Groups;

/** Who may be asked to approve a case: a step of the approval chain a decision table decides (procurement, price changes). */
public enum Approver {
    OPERATIONS_MANAGER(Groups.OPERATIONS_MANAGER), FINANCE(Groups.FINANCE), GENERAL_MANAGER(Groups.GENERAL_MANAGER);

    private final String group;

    Approver(String group) {
        this.group = group;
    }

    /** The candidate group of this step's task. */
    public String group() {
        return group;
    }
}
