package org.ticketops.finance;

/** What the row of the risk-warnings table that matches writes (its global {@code result}). */
public final class RiskRuling {

    private RiskLevel level;

    public void setLevel(RiskLevel level) {
        this.level = level;
    }

    RiskDecision decision() {
        return level == null ? null : new RiskDecision(level);
    }
}
