package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Reverses the invoice lines of money given back to a customer; numbered without gaps (CN-000001, ...). */
public record CreditNote(Long id, String number, Long orderId, Long customerId, String reference, BigDecimal amount,
                         Instant issuedAt, List<Line> lines) {

    public record Line(int lineNo, Long ticketId, String description, BigDecimal amount) {
    }
}
