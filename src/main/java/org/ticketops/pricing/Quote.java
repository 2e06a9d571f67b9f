package org.ticketops.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.ticketops.credit.CreditCheck;
import org.ticketops.decision.Decision;

/**
 * A price for a customer: the category's unit price, the discount decision and amount, the total, the
 * customer's credit decision (with whether a deposit is required), and the versions of both tables.
 */
public record Quote(long customerId, long categoryId, long showId, int quantity, Instant at, BigDecimal unitPrice,
                    BigDecimal subtotal, Decision<DiscountDecision> discount, BigDecimal discountAmount,
                    BigDecimal total, CreditCheck credit, boolean depositRequired, Map<String, Integer> tableVersions) {
}
