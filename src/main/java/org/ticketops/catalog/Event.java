package org.ticketops.catalog;

import java.time.Instant;

/** A concert, match or show that the center sells tickets for. */
public record Event(Long id, String name, EventKind kind, Instant createdAt) {
}
