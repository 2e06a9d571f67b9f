package org.ticketops.catalog;

import java.time.Instant;

/** One dated performance of an event. */
public record Show(Long id, Long eventId, String eventName, EventKind eventKind, String venue, Instant startsAt,
                   int capacity, int available) {
}
