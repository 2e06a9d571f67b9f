package org.ticketops.complaint;

/** Why it went wrong, as the investigation found. */
public enum RootCause {
    PROCESS, STAFF, SYSTEM, SUPPLIER, EVENT_ORGANIZER, CUSTOMER_MISUNDERSTANDING
}
