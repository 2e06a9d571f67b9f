package org.ticketops.procurement;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.decision.DecisionTableDescriptor;
import org.ticketops.decision.DecisionTableNames;
import org.ticketops.decision.NoRuleMatched;
import org.ticketops.decision.Rules;

/**
 * {@code rules/procurement-approval.xlsx}: who approves a procurement request and in which order. The first table
 * picks the tier by total (first match); the second adds approvers for a supplier on watch or a thin margin (every
 * matching row). Managers change the limits there; no Java, configuration or diagram label holds them.
 */
@Component
public class ProcurementApprovalTable extends DecisionTableDescriptor<ProcurementApprovalInput, ProcurementApprovalDecision> {

    public static final String NAME = DecisionTableNames.PROCUREMENT_APPROVAL;

    public ProcurementApprovalTable() {
        super(NAME, "Procurement approval chain", ProcurementApprovalInput.class, ProcurementApprovalDecision.class);
    }

    @Override
    public ProcurementApprovalDecision decide(ProcurementApprovalInput input, Rules rules) {
        ProcurementApprovalRuling ruling = new ProcurementApprovalRuling();
        rules.fire(Map.of("result", ruling), input);
        ProcurementApprovalDecision decision = ruling.decision();
        if (decision.approvers().isEmpty()) {
            throw new NoRuleMatched(NAME, input); // no tier row matched: the table is incomplete
        }
        return decision;
    }
}
