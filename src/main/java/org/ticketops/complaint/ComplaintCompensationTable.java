package org.ticketops.complaint;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/complaint-compensation.xlsx}: the compensation suggested for a complaint resolved with a voucher, as a
 * percent of the order's total with a cap. Managers change it there.
 */
@Component
public class ComplaintCompensationTable extends DecisionTableDescriptor<CompensationInput, CompensationDecision> {

    public static final String NAME = org.ticketops.decision.DecisionTableNames.COMPLAINT_COMPENSATION;

    public ComplaintCompensationTable() {
        super(NAME, "Complaint compensation", CompensationInput.class, CompensationDecision.class);
    }

    @Override
    public CompensationDecision decide(CompensationInput input, Rules rules) {
        CompensationRuling ruling = new CompensationRuling();
        rules.fire(Map.of("result", ruling), input);
        if (!ruling.decided()) {
            throw new NoRuleMatched(NAME, input);
        }
        return ruling.decision();
    }
}
