package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Reverses the invoice lines of money given back to a customer; numbered without gaps (CN-000001, ...).
 *
 * @param invoiceNumber the invoice of the order it corrects (null for orders from before invoices were issued)
 */
public record CreditNote(Long id, String number, Long orderId, Long customerId, String reference, BigDecimal amount,
                         Instant issuedAt, String invoiceNumber, List<Line> lines) {

    public record Line(int lineNo, Long ticketId, String description, BigDecimal amount) {
    }
}
