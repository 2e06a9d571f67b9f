package org.ticketops.refund;

/** What the customer asks for: money back, or the same value on another show of the same event. */
public enum RefundRequestType {
    REFUND, EXCHANGE
}
