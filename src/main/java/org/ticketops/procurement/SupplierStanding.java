package org.ticketops.procurement;

/**
 * A supplier's standing from its scorecard: GOOD; WATCH (finance joins every approval chain); BLOCKED (no new
 * procurement requests until procurement lifts the block with a reason).
 */
public enum SupplierStanding {
    GOOD, WATCH, BLOCKED
}
