package org.ticketops.finance;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;

/** What the risk-warnings table looks at: an indicator and its value. */
public record RiskInput(@NotNull RiskIndicator indicator, @NotNull BigDecimal value) {
}
