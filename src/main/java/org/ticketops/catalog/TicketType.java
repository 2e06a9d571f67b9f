package org.ticketops.catalog;

/** The kind of a ticket category: what the refund-fee and discount tables look at. */
public enum TicketType {
    STANDARD, VIP, PROMOTIONAL
}
