package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's purchase for one show.
 *
 * @param refundFeesVersion the version of the refund-fee table in force when the order was created: its refund terms
 * @param originOrderId     for an order issued by an exchange: the order whose tickets were exchanged
 * @param soldBy            the user who sold it (null for orders from before this was recorded)
 * @param subtotal          the lines at list price; {@code discountAmount} off it gives {@code total}
 * @param appliedDiscounts  the discount codes applied (the discount table's answer), comma separated
 * @param holdExpiresAt     for an order AWAITING_DEPOSIT: until when its seats are held
 */
public record Order(Long id, Long customerId, String customerName, Long showId, String eventName, Instant showStartsAt,
                    SalesChannel channel, OrderStatus status, BigDecimal total, Integer refundFeesVersion,
                    Long originOrderId, int ticketCount, Instant createdAt, String soldBy, BigDecimal subtotal,
                    BigDecimal discountAmount, String appliedDiscounts, Integer discountTableVersion, String creditTier,
                    Integer creditTableVersion, Instant holdExpiresAt) {
}
