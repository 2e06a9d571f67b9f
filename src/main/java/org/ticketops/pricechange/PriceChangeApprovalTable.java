package org.ticketops.pricechange;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/price-change-approval.xlsx}: who approves a price change and in which order. The first table picks the
 * tier by the size of the change (first match); the second adds finance for a price below cost and for a promotion
 * below cost (every matching row). Managers change the limits there.
 */
@Component
public class PriceChangeApprovalTable extends DecisionTableDescriptor<PriceChangeApprovalInput, PriceChangeApprovalDecision> {

    public static final String NAME = org.ticketops.decision.DecisionTableNames.PRICE_CHANGE_APPROVAL;

    public PriceChangeApprovalTable() {
        super(NAME, "Price change approval chain", PriceChangeApprovalInput.class, PriceChangeApprovalDecision.class);
    }

    @Override
    public PriceChangeApprovalDecision decide(PriceChangeApprovalInput input, Rules rules) {
        PriceChangeApprovalRuling ruling = new PriceChangeApprovalRuling();
        rules.fire(Map.of("result", ruling), input);
        PriceChangeApprovalDecision decision = ruling.decision();
        if (decision.approvers().isEmpty()) {
            throw new NoRuleMatched(NAME, input);
        }
        return decision;
    }
}
