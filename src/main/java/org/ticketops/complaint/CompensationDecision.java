package org.ticketops.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The suggested compensation: a percent of the order's total, never more than the cap. */
public record CompensationDecision(int percent, BigDecimal cap) {

    public BigDecimal amount(BigDecimal orderTotal) {
        BigDecimal share = orderTotal.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        return share.min(cap).setScale(2, RoundingMode.HALF_UP);
    }
}
