package org.ticketops.pricechange;

import java.util.ArrayList;
import java.util.List;

import org.ticketops.casework.Approver;

/** What the rows of the price-change-approval table write (its global {@code result}): approvers in order, each once. */
public final class PriceChangeApprovalRuling {

    private final List<Approver> approvers = new ArrayList<>();

    /** Adds an approver at the end of the chain unless already in it. */
    public void approve(Approver approver) {
        if (!approvers.contains(approver)) {
            approvers.add(approver);
        }
    }

    PriceChangeApprovalDecision decision() {
        return new PriceChangeApprovalDecision(List.copyOf(approvers));
    }
}
