package org.ticketops.refund;

import java.util.Set;

public enum RefundRequestStatus {
    OPEN, AWAITING_REVIEW, AWAITING_APPROVAL, AWAITING_PAYMENT, COMPLETED, REJECTED, WITHDRAWN, EXPIRED;

    /** Statuses in which the customer may still withdraw: nothing has been paid. */
    public static final Set<RefundRequestStatus> WITHDRAWABLE = Set.of(AWAITING_REVIEW, AWAITING_APPROVAL, AWAITING_PAYMENT);

    public boolean closed() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == EXPIRED;
    }
}
