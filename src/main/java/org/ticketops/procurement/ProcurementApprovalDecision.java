package org.ticketops.procurement;

import org.ticketops.casework.Approver;
import java.util.List;

/** The approvers of a procurement request, in the order they decide. */
public record ProcurementApprovalDecision(List<Approver> approvers) {
}
