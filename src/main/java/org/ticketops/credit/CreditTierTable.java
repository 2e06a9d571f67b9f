package org.ticketops.credit;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/** {@code rules/credit-tiers.xlsx}: a customer's credit tier from their payment record. */
@Component
public class CreditTierTable extends DecisionTableDescriptor<CreditInput, CreditDecision> {

    public static final String NAME = DecisionTableNames.CREDIT_TIERS;

    public CreditTierTable() {
        super(NAME, "Customer credit tiers", CreditInput.class, CreditDecision.class);
    }

    @Override
    public CreditDecision decide(CreditInput input, Rules rules) {
        CreditRuling ruling = new CreditRuling();
        rules.fire(Map.of("result", ruling), input);
        if (!ruling.matched()) {
            throw new NoRuleMatched(NAME, input);
        }
        return ruling.decision();
    }
}
