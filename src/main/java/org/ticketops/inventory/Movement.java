package org.ticketops.inventory;

import java.time.Instant;

/** A move of a category's available tickets outside a sale: who, why, before and after. */
public record Movement(long id, long categoryId, String kind, int quantity, int beforeQty, int afterQty, String reason,
                       String actor, String reference, Instant createdAt) {
}
