package org.ticketops.refund;

import java.util.List;

/**
 * Whether a refund request waits for a review (and why: codes such as {@code TICKET_DEFECT}), whether
 * finance must approve it, and how many hours a review may take before it moves to the operations manager.
 */
public record RefundReviewDecision(boolean reviewNeeded, List<String> reviewReasons, boolean financeApprovalNeeded,
                                   int reviewDeadlineHours) {
}
