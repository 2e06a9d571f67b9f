package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** What a (corporate or agency) customer owes, by when, and when it was paid. */
public record Invoice(Long id, String number, Long customerId, Long orderId, BigDecimal amount, Instant issuedAt,
                      Instant dueAt, Instant paidAt) {

    static final class Row {
        public Long id;
        public String number;
        public Long customerId;
        public Long orderId;
        public BigDecimal amount;
        public Instant issuedAt;
        public Instant dueAt;
        public Instant paidAt;
    }
}
