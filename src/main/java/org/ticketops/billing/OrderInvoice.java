package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The invoice of a paid order, matching the purchase: its lines with the discount and the tax in them.
 * Prices include VAT: per line, net = gross / (1 + rate) and tax = gross − net, both rounded half-up to cents.
 */
public record OrderInvoice(Long id, String number, Long orderId, Long customerId, Instant issuedAt, BigDecimal taxRate,
                           BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal gross, List<Line> lines) {

    public record Line(int lineNo, String description, int quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal net, BigDecimal tax, BigDecimal gross) {
    }

    /** What a line is before its tax is worked out: what, how many, the list price, the discount, what was paid. */
    public record Draft(String description, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal gross) {
    }
}
