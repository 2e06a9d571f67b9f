package org.ticketops.refund;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/refund-review.xlsx}: which refunds wait for a review, which need finance's approval and
 * the review deadline. Managers change the limits there; no Java, configuration or diagram label holds them.
 */
@Component
public class RefundReviewTable extends DecisionTableDescriptor<RefundReviewInput, RefundReviewDecision> {

    public static final String NAME = DecisionTableNames.REFUND_REVIEW;

    public RefundReviewTable() {
        super(NAME, "Refund review and approval", RefundReviewInput.class, RefundReviewDecision.class);
    }

    @Override
    public RefundReviewDecision decide(RefundReviewInput input, Rules rules) {
        RefundReviewRuling ruling = new RefundReviewRuling();
        rules.fire(Map.of("result", ruling), input);
        RefundReviewDecision decision = ruling.decision();
        if (decision.reviewDeadlineHours() <= 0) {
            throw new NoRuleMatched(NAME, input); // the deadline row is missing: the table is incomplete
        }
        return decision;
    }
}
