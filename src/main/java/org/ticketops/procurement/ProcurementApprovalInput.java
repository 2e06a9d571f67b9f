package org.ticketops.procurement;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.ticketops.catalog.EventKind;

/**
 * What the procurement-approval table looks at: the request's total (quantity × unit cost), the kind of event, the
 * supplier's standing and the margin in percent of the planned sale price over the unit cost (negative below cost).
 */
public record ProcurementApprovalInput(@NotNull @DecimalMin("0.01") BigDecimal total, @NotNull EventKind eventKind,
                                       @NotNull SupplierStanding supplierStanding, @NotNull BigDecimal marginPercent) {
}
