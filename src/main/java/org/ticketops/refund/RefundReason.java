package org.ticketops.refund;

public enum RefundReason {
    CUSTOMER_CHOICE, EVENT_CANCELLED, EVENT_RESCHEDULED, TICKET_DEFECT
}
