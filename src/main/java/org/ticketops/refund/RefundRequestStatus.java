package org.ticketops.refund;


public enum RefundRequestStatus {
    OPEN, AWAITING_REVIEW, AWAITING_APPROVAL, AWAITING_PAYMENT, COMPLETED, REJECTED, WITHDRAWN, EXPIRED;

    public boolean closed() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == EXPIRED;
    }
}
