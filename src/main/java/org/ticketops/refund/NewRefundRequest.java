package org.ticketops.refund;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What staff register: which tickets of which order, refund or exchange, and why. */
public record NewRefundRequest(
        @NotNull @Positive Long orderId,
        @NotEmpty @Size(max = 50) List<@NotNull @Positive Long> ticketIds,
        @NotNull RefundRequestType type,
        @NotNull RefundReason reason,
        @Positive Long targetCategoryId,
        @Size(max = 1000) String note) {
}
