package org.ticketops.procurement;

import java.time.Instant;

/** One approver's decision on a round of a request's approval chain. */
public record ProcurementApproval(Long id, long requestId, int approvalRound, int step, String approverGroup,
                                  String decision, String decidedBy, Instant decidedAt, String comment) {
}
