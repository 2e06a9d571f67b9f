package org.ticketops.complaint;

/** The small vocabularies of a complaint. */
public final class ComplaintEnums {

    private ComplaintEnums() {
    }

    public enum Channel { PHONE, ONLINE, SOCIAL, ON_SITE }

    public enum Resolution { APOLOGY, REFUND, COMPENSATION_VOUCHER, TICKET_REISSUE, NO_ACTION }

    /** Where a complaint stands (its case status). */
    public enum Status { OPEN, WAITING_FOR_CUSTOMER, IN_INVESTIGATION, AWAITING_CONFIRMATION, CLOSING_UNRESOLVED, RESOLVED, UNRESOLVED }

    /** The two clocks of a complaint. */
    public enum Deadline { FIRST_RESPONSE, RESOLUTION }
}
