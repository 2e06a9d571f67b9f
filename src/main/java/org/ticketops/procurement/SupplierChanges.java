package org.ticketops.procurement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** What a PATCH changes (absent: unchanged); {@code approvedFor} replaces the whole approved-supplier list. */
public record SupplierChanges(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 200) String contact,
        Supplier.Qualification qualification,
        LocalDate qualifiedUntil,
        @Valid @Size(max = 20) List<NewSupplier.ApprovedKind> approvedFor) {
}
