package org.ticketops.desk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One thing in a customer's record: an ORDER, a REFUND_REQUEST or EXCHANGE_REQUEST, a QUOTE, a COMPLAINT or a
 * SURVEY, with when, its reference, status, amount and a line saying what it was.
 */
public record HistoryEntry(String type, String reference, Long id, Instant at, String status, BigDecimal amount,
                           String summary) {
}
