package org.ticketops.finance;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/** {@code rules/risk-warnings.xlsx}: the level of each risk indicator's value. Managers change the limits there. */
@Component
public class RiskWarningsTable extends DecisionTableDescriptor<RiskInput, RiskDecision> {

    public static final String NAME = DecisionTableNames.RISK_WARNINGS;

    public RiskWarningsTable() {
        super(NAME, "Risk warnings", RiskInput.class, RiskDecision.class);
    }

    @Override
    public RiskDecision decide(RiskInput input, Rules rules) {
        RiskRuling ruling = new RiskRuling();
        rules.fire(Map.of("result", ruling), input);
        RiskDecision decision = ruling.decision();
        if (decision == null) {
            throw new NoRuleMatched(NAME, input);
        }
        return decision;
    }
}
