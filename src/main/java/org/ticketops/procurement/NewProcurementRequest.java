package org.ticketops.procurement;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ticketops.catalog.TicketType;

/**
 * A purchase of ticket inventory to approve: from a supplier, for a show, into an existing category or a new one.
 * Quantity and cost above zero, checked by the service (a clear 400 naming the field, nothing written).
 */
public record NewProcurementRequest(
        @NotNull Long supplierId,
        @NotNull Long showId,
        Long categoryId,
        @Valid NewCategory newCategory,
        @NotNull Integer quantity,
        @NotNull @Digits(integer = 10, fraction = 2) BigDecimal unitCost,
        @NotNull @Digits(integer = 10, fraction = 2) BigDecimal plannedSalePrice,
        @Size(max = 2000) String justification) {

    /** A category the show does not have yet; its price is the planned sale price. */
    public record NewCategory(@NotBlank @Size(max = 100) String name, @NotNull TicketType type) {
    }
}
