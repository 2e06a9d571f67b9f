package org.ticketops.complaint;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.ticketops.customer.MemberTier;

/** What the complaint-compensation table looks at. */
public record CompensationInput(@NotNull ComplaintSeverity severity, @NotNull ComplaintCategory category,
                                @NotNull RootCause rootCause, @NotNull MemberTier memberTier,
                                @NotNull @DecimalMin("0.00") BigDecimal orderTotal) {
}
