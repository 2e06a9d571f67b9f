package org.ticketops.pricing;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** @param at when the purchase would happen (ISO-8601 with offset); now when left out */
public record QuoteRequest(@NotNull @Positive Long customerId, @NotNull @Positive Long categoryId,
                           @NotNull @Min(1) @Max(10000) Integer quantity, OffsetDateTime at) {
}
