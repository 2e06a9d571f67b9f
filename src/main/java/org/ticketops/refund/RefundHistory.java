package org.ticketops.refund;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.ticketops.credit.RefundCounts;

/** Tells the credit check how many refunds a customer completed recently. */
@Component
class RefundHistory implements RefundCounts {

    private final RefundMapper requests;

    RefundHistory(RefundMapper requests) {
        this.requests = requests;
    }

    @Override
    public int completedRefundsSince(long customerId, Instant since) {
        return requests.countCompletedSince(customerId, RefundRequestType.REFUND, since);
    }
}
