package org.ticketops.catalog;

import java.time.Instant;
import java.util.List;

/** A show with its event and its ticket categories. */
public record ShowDetails(Long id, Event event, String venue, Instant startsAt, Instant endsAt, ShowStatus status,
                          List<TicketCategory> categories, List<PriceAnnouncement> priceAnnouncements) {
}
