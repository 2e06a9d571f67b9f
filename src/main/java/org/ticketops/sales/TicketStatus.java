package org.ticketops.sales;

public enum TicketStatus {
    SOLD, REFUNDED, EXCHANGED, VOID
}
