package org.ticketops.complaint;

import org.ticketops.identity.Groups;

/** What a complaint is about, and the group responsible for it. */
public enum ComplaintCategory {
    TICKETING_ERROR(Groups.TICKET_SALES), REFUND(Groups.FINANCE), PAYMENT(Groups.FINANCE),
    SERVICE_ATTITUDE(Groups.CUSTOMER_SERVICE), EVENT_QUALITY(Groups.OPERATIONS_MANAGER), OTHER(Groups.CUSTOMER_SERVICE);

    private final String responsibleGroup;

    ComplaintCategory(String responsibleGroup) {
        this.responsibleGroup = responsibleGroup;
    }

    public String responsibleGroup() {
        return responsibleGroup;
    }
}
