package org.ticketops.sales;

/** An order placed with an Idempotency-Key, with the hash of the body it came with. */
public record IdempotentOrder(Long id, String idempotencyHash) {
}
