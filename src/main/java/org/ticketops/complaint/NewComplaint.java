package org.ticketops.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A complaint to register: the customer, optionally the order and show it is about, and what they said. */
public record NewComplaint(
        @NotNull Long customerId,
        Long orderId,
        Long showId,
        @NotNull ComplaintEnums.Channel channel,
        @NotNull ComplaintCategory category,
        @NotNull ComplaintSeverity severity,
        @NotBlank @Size(max = 4000) String description) {
}
