package org.ticketops.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sale as priced by its quote, ready to be recorded: the lines with their list prices and discounts, the
 * decisions it was priced with, who sells it, and (for a customer who must pay a deposit first) until when its
 * seats are held.
 */
public record Sale(long customerId, long showId, SalesChannel channel, String soldBy, List<Line> lines,
                   String appliedDiscounts, Integer discountTableVersion, String creditTier, Integer creditTableVersion,
                   Instant holdExpiresAt, String idempotencyKey, String idempotencyHash) {

    /** One category of the sale: quantity, list price, the line's subtotal, discount and total. */
    public record Line(long categoryId, int quantity, BigDecimal unitPrice, BigDecimal subtotal, BigDecimal discountAmount,
                       BigDecimal total) {
    }

    public BigDecimal subtotal() {
        return lines.stream().map(Line::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal discountAmount() {
        return lines.stream().map(Line::discountAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
