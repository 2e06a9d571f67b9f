package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money that moved.
 *
 * @param purpose        why: ORDER, REFUND, EXCHANGE_DIFFERENCE, ...
 * @param reference      what it belongs to (an order id, a refund request id)
 * @param idempotencyKey one key, one payment: a retried or duplicated step finds the first one
 */
public record Payment(Long id, Long orderId, PaymentDirection direction, BigDecimal amount, String method, String purpose,
                      String reference, String externalReference, String idempotencyKey, Instant createdAt) {
}
