package org.ticketops.refund;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * What the refund-review table looks at: the request, its refund total (after fees), how many refunds
 * the customer completed in {@code ticketops.refund.frequent-window}, and whether the customer's credit
 * tier says refunds need a review.
 */
public record RefundReviewInput(RefundRequestType requestType, RefundReason reason, @DecimalMin("0.00") BigDecimal totalRefund,
                                @Min(0) int completedRefunds90d, boolean creditTierNeedsReview) {
}
