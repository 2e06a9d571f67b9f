package org.ticketops.sales;

/** AWAITING_DEPOSIT (seats held until the customer pays) → PAID, or EXPIRED; PAID → (PARTIALLY_)REFUNDED. */
public enum OrderStatus {
    AWAITING_DEPOSIT, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED, EXPIRED
}
