package org.ticketops.procurement;

import java.time.Instant;
import java.time.LocalDate;

/** A supplier of ticket inventory, its qualification and whether a block from its scorecard stands. */
public record Supplier(Long id, String name, String licenceNumber, String contact, Qualification qualification,
                       LocalDate qualifiedUntil, boolean blocked, Instant blockLiftedAt, String blockLiftedBy,
                       String blockLiftedReason, Instant createdAt, Instant updatedAt) {

    public enum Qualification {
        PENDING, QUALIFIED, SUSPENDED
    }

    /** QUALIFIED and not expired on {@code day}. */
    public boolean qualifiedOn(LocalDate day) {
        return qualification == Qualification.QUALIFIED && qualifiedUntil != null && !qualifiedUntil.isBefore(day);
    }
}
