package org.ticketops.refund;

import java.math.BigDecimal;

/**
 * What the refund-review table looks at: the request, its refund total (after fees), how many refunds
 * the customer completed in {@code ticketops.refund.frequent-window}, and whether the customer's credit
 * tier says refunds need a review.
 */
public record RefundReviewInput(RefundRequestType requestType, RefundReason reason, BigDecimal totalRefund,
                                int completedRefunds90d, boolean creditTierNeedsReview) {
}
