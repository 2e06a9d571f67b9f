package org.ticketops.sales;

public enum OrderStatus {
    PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED
}
