package org.ticketops.pricechange;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A category's new price from a time, and why. */
public record NewPriceChange(
        @NotNull Long categoryId,
        @NotNull @Digits(integer = 10, fraction = 2) BigDecimal newPrice,
        @NotNull PriceChangeReason reason,
        @NotNull OffsetDateTime effectiveAt,
        @Size(max = 2000) String justification) {
}
