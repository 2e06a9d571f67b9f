package org.ticketops.refund;

import java.util.ArrayList;
import java.util.List;

/** What the rows of the refund-review table write (its global {@code result}); every matching row applies. */
public final class RefundReviewRuling {

    private final List<String> reasons = new ArrayList<>();
    private boolean financeApprovalNeeded;
    private int reviewDeadlineHours;

    /** A reason for a review, as a code ({@code TICKET_DEFECT}); each at most once. */
    public void review(String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    public void setFinanceApprovalNeeded(boolean needed) {
        this.financeApprovalNeeded = financeApprovalNeeded || needed;
    }

    public void setReviewDeadlineHours(int hours) {
        this.reviewDeadlineHours = hours;
    }

    RefundReviewDecision decision() {
        return new RefundReviewDecision(!reasons.isEmpty(), List.copyOf(reasons), financeApprovalNeeded, reviewDeadlineHours);
    }
}
