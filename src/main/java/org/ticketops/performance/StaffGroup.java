package org.ticketops.performance;

import java.util.Arrays;
import java.util.Optional;

import org.ticketops.identity.Groups;

/** The groups whose members are reviewed each cycle, in the order that decides the group of someone in several. */
public enum StaffGroup {
    CUSTOMER_SERVICE(Groups.CUSTOMER_SERVICE),
    TICKET_SALES(Groups.TICKET_SALES),
    FINANCE(Groups.FINANCE),
    PROCUREMENT(Groups.PROCUREMENT);

    private final String groupId;

    StaffGroup(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    static Optional<StaffGroup> ofGroupId(String groupId) {
        return Arrays.stream(values()).filter(g -> g.groupId.equals(groupId)).findFirst();
    }
}
