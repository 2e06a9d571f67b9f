package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/** Events, shows and their ticket categories, and the count of tickets still for sale. */
@Service
public class CatalogService {

    private final CatalogMapper catalog;
    private final Clock clock;

    CatalogService(CatalogMapper catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<Show> shows(Long eventId, Instant from, Instant to) {
        return catalog.findShows(eventId, from, to);
    }

    public Show show(long id) {
        return catalog.findShow(id).orElseThrow(() -> new NotFound("show", id));
    }

    public ShowDetails showDetails(long id) {
        Show show = show(id);
        Event event = catalog.findEvent(show.eventId()).orElseThrow(() -> new NotFound("event", show.eventId()));
        return new ShowDetails(show.id(), event, show.venue(), show.startsAt(), catalog.findCategoriesOfShow(id));
    }

    public TicketCategory category(long id) {
        return catalog.findCategory(id).orElseThrow(() -> new NotFound("ticket category", id));
    }

    /**
     * Takes tickets out of sale. One conditional UPDATE, so concurrent callers can never take
     * more than are available (the database's CHECK constraint is the second line of defence).
     */
    @Transactional
    public void take(long categoryId, int quantity) {
        if (!tryTake(categoryId, quantity)) {
            throw new NotEnoughTickets(category(categoryId), quantity);
        }
    }

    /** Like {@link #take}, but answers false instead of refusing when not enough are left. */
    @Transactional
    public boolean tryTake(long categoryId, int quantity) {
        requirePositive(quantity);
        return catalog.takeAvailable(categoryId, quantity) == 1;
    }

    /** Puts tickets back on sale; never above the category's capacity. */
    @Transactional
    public void giveBack(long categoryId, int quantity) {
        requirePositive(quantity);
        if (catalog.returnAvailable(categoryId, quantity) == 0) {
            TicketCategory category = category(categoryId);
            throw new IllegalStateException("Returning " + quantity + " ticket(s) to category " + categoryId
                    + " would exceed its capacity of " + category.capacity() + " (available " + category.available() + ")");
        }
    }

    @Transactional
    public Event createEvent(String name, EventKind kind) {
        var row = new CatalogMapper.EventRow();
        row.name = name;
        row.kind = kind;
        row.createdAt = clock.instant();
        catalog.insertEvent(row);
        return catalog.findEvent(row.id).orElseThrow();
    }

    @Transactional
    public Show createShow(long eventId, String venue, Instant startsAt) {
        var row = new CatalogMapper.ShowRow();
        row.eventId = eventId;
        row.venue = venue;
        row.startsAt = startsAt;
        catalog.insertShow(row);
        return show(row.id);
    }

    @Transactional
    public TicketCategory createCategory(long showId, String name, TicketType type, BigDecimal price, int capacity) {
        var row = new CatalogMapper.CategoryRow();
        row.showId = showId;
        row.name = name;
        row.type = type;
        row.price = price;
        row.capacity = capacity;
        row.available = capacity;
        catalog.insertCategory(row);
        return category(row.id);
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new InvalidField("quantity", "must be 1 or more");
        }
    }
}
