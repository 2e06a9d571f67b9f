package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's purchase for one show.
 *
 * @param refundFeesVersion the version of the refund-fee table in force when the order was created: its refund terms
 * @param originOrderId     for an order issued by an exchange: the order whose tickets were exchanged
 */
public record Order(Long id, Long customerId, String customerName, Long showId, String eventName, Instant showStartsAt,
                    SalesChannel channel, OrderStatus status, BigDecimal total, Integer refundFeesVersion,
                    Long originOrderId, int ticketCount, Instant createdAt) {
}
