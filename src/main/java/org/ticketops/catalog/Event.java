package org.ticketops.catalog;

import java.time.Instant;

/** What the center sells shows of: a concert tour, a match, a play, an exhibition. */
public record Event(Long id, String name, EventKind kind, String organizer, String description, Instant createdAt,
                    Instant updatedAt) {
}
