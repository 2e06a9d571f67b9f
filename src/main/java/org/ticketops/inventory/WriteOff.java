package org.ticketops.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** A category's write-off: why, its unsold and void tickets, their value at unit cost, and how it stands. */
public record WriteOff(long id, long categoryId, String categoryName, long showId, String eventName, Instant showStartsAt,
                       String reason, int unsoldQty, int voidQty, BigDecimal unitCost, BigDecimal amount, Long caseId,
                       String businessKey, String status, boolean needsApproval, String decidedBy, Instant decidedAt,
                       String decisionComment, Integer writtenUnsold, Long movementId, Instant postedAt, Instant createdAt) {
}
