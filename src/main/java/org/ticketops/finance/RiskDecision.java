package org.ticketops.finance;

/** The level the risk-warnings table gives an indicator's value. */
public record RiskDecision(RiskLevel level) {
}
