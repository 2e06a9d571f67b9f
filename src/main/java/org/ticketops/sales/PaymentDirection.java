package org.ticketops.sales;

/** IN: the customer pays the center; OUT: the center pays the customer. */
public enum PaymentDirection {
    IN, OUT
}
