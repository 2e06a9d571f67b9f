package org.ticketops.procurement;

import org.ticketops.casework.Approver;
import java.util.ArrayList;
import java.util.List;

/** What the rows of the procurement-approval table write (its global {@code result}): approvers in order, each once. */
public final class ProcurementApprovalRuling {

    private final List<Approver> approvers = new ArrayList<>();

    /** Adds an approver at the end of the chain unless already in it. */
    public void approve(Approver approver) {
        if (!approvers.contains(approver)) {
            approvers.add(approver);
        }
    }

    ProcurementApprovalDecision decision() {
        return new ProcurementApprovalDecision(List.copyOf(approvers));
    }
}
