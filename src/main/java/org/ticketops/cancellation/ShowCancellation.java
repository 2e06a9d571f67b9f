package org.ticketops.cancellation;

import java.time.Instant;

/** A cancelled show's refunds: its case, who cancelled it, how many paid orders and how far the batches came. */
public record ShowCancellation(Long id, Long showId, Long caseId, String caseKey, String status, String cancelledBy,
                               Instant cancelledAt, int ordersTotal, long lastOrderId, int refundsStarted,
                               int ordersSkipped) {
}
