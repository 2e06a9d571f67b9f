package org.ticketops.procurement;

import java.time.LocalDate;

import org.ticketops.catalog.EventKind;

/** A line of the approved-supplier list: the supplier may supply events of this kind from one day to another. */
public record SupplierApproval(Long id, Long supplierId, EventKind eventKind, LocalDate validFrom, LocalDate validUntil) {

    public boolean covers(EventKind kind, LocalDate day) {
        return eventKind == kind && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
