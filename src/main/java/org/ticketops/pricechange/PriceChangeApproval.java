package org.ticketops.pricechange;

import java.time.Instant;

/** One approver's decision on a step of a price change's chain. */
public record PriceChangeApproval(Long id, long changeId, int step, String approverGroup, String decision, String decidedBy,
                                  Instant decidedAt, String comment) {
}
