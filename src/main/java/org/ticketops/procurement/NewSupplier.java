package org.ticketops.procurement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ticketops.catalog.EventKind;

/**
 * A supplier to register: its licence number is unique; a QUALIFIED supplier needs {@code qualifiedUntil}; the
 * approved-supplier list says which event kinds it may supply and when.
 */
public record NewSupplier(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and - only") String licenceNumber,
        @NotBlank @Size(max = 200) String contact,
        Supplier.Qualification qualification,
        LocalDate qualifiedUntil,
        @Valid @Size(max = 20) List<ApprovedKind> approvedFor) {

    /** A line of the approved-supplier list. */
    public record ApprovedKind(@NotNull EventKind eventKind, @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }
}
