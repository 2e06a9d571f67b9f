package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's purchase for one show.
 *
 * @param refundFeesVersion the version of the refund-fee table in force when the order was created: its refund terms
 */
public record Order(Long id, Long customerId, String customerName, Long showId, String eventName, Instant showStartsAt,
                    SalesChannel channel, OrderStatus status, BigDecimal total, Integer refundFeesVersion,
                    int ticketCount, Instant createdAt) {
}
