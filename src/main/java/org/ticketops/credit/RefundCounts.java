package org.ticketops.credit;

import java.time.Instant;

/** What the credit check needs to know of a customer's refunds; the refund capability provides it. */
public interface RefundCounts {

    /** Refunds (not exchanges) of the customer completed since {@code since}. */
    int completedRefundsSince(long customerId, Instant since);
}
