package org.ticketops.catalog;

/** Whether a show sells: ON_SALE, SUSPENDED (for now), CANCELLED (for good: its paid orders are refunded). */
public enum ShowStatus {
    ON_SALE, SUSPENDED, CANCELLED
}
