package org.ticketops.catalog;

import java.time.Instant;

/** One dated performance of an event, with the tickets of all its categories and those left for sale. */
public record Show(Long id, Long eventId, String eventName, EventKind eventKind, String venue, Instant startsAt,
                   Instant endsAt, ShowStatus status, int capacity, int available) {
}
