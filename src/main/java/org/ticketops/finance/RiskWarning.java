package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One indicator's value for a business day, its level, and whether someone has acknowledged it. */
public record RiskWarning(long id, LocalDate businessDay, RiskIndicator indicator, String subject, BigDecimal indicatorValue,
                          RiskLevel level, String detail, int tableVersion, Instant createdAt, String acknowledgedBy,
                          Instant acknowledgedAt, String ackComment) {
}
