package org.ticketops.complaint;

import java.math.BigDecimal;

/** What the row of the complaint-compensation table that matches writes (its global {@code result}). */
public final class CompensationRuling {

    private Integer percent;
    private BigDecimal cap;

    public void setPercent(int percent) {
        this.percent = percent;
    }

    public void setCap(BigDecimal cap) {
        this.cap = cap;
    }

    boolean decided() {
        return percent != null && cap != null;
    }

    CompensationDecision decision() {
        return new CompensationDecision(percent, cap.setScale(2, java.math.RoundingMode.HALF_UP));
    }
}
