package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A business day's reconciliation: payments against the settlement, its mismatches and sign-off. */
public record ReconciliationDay(long id, LocalDate businessDay, String businessKey, String status, String processInstanceId,
                                Integer paymentsCount, BigDecimal paymentsTotal, Integer settledCount, BigDecimal settledTotal,
                                BigDecimal feesTotal, Integer mismatchCount, Instant reconciledAt, String signedOffBy,
                                Instant signedOffAt, String signOffComment) {
}
