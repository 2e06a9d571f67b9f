package org.ticketops.pricechange;

import java.math.BigDecimal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the price-change-approval table looks at: the change in percent of the old price (negative for a cut), whether
 * the new price is below the category's unit cost, whole days until the show, and the reason.
 */
public record PriceChangeApprovalInput(@NotNull BigDecimal changePercent, boolean belowCost, @Min(0) int daysUntilShow,
                                       @NotNull PriceChangeReason reason) {
}
