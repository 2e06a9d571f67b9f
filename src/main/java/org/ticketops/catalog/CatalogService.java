package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.catalog.CatalogCommands.CategoryChanges;
import org.ticketops.catalog.CatalogCommands.EventChanges;
import org.ticketops.catalog.CatalogCommands.NewCategory;
import org.ticketops.catalog.CatalogCommands.NewEvent;
import org.ticketops.catalog.CatalogCommands.NewShow;
import org.ticketops.catalog.CatalogCommands.ShowChanges;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Events, shows and their ticket categories, and the count of tickets still for sale. Every write is in
 * the audit trail with who made it and what changed (before → after).
 */
@Service
public class CatalogService {

    public static final String EVENT = "EVENT";
    public static final String SHOW = "SHOW";
    public static final String CATEGORY = "TICKET_CATEGORY";
    private final CatalogMapper catalog;
    private final AuditTrail audit;
    private final ObjectProvider<ShowCancellations> cancellations;
    private final CategoryPriceMapper prices;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    CatalogService(CatalogMapper catalog, AuditTrail audit, ObjectProvider<ShowCancellations> cancellations,
                   CategoryPriceMapper prices, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.audit = audit;
        this.cancellations = cancellations;
        this.prices = prices;
        this.events = events;
        this.clock = clock;
    }

    public Event event(long id) {
        return catalog.findEvent(id).orElseThrow(() -> new NotFound("event", id));
    }

    public List<Show> shows(Long eventId, Instant from, Instant to) {
        return catalog.findShows(eventId, from, to);
    }

    public Show show(long id) {
        return catalog.findShow(id).orElseThrow(() -> new NotFound("show", id));
    }

    public ShowDetails showDetails(long id) {
        Show show = show(id);
        return new ShowDetails(show.id(), event(show.eventId()), show.venue(), show.startsAt(), show.endsAt(), show.status(),
                catalog.findCategoriesOfShow(id), prices.ofShow(id));
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

    /**
     * Takes the category's row lock for the rest of the transaction, before the transaction reads or refers to the
     * category in a way that takes a shared lock (a foreign key check does). Two transactions that both hold the shared
     * lock and then want to change the category (take seats, number tickets) deadlock; one that takes this lock first
     * waits instead.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockForChange(long categoryId) {
        if (catalog.lockCategory(categoryId) == null) {
            throw new NotFound("ticket category", categoryId);
        }
    }

    /**
     * Numbers for {@code quantity} new tickets of a category: the first of a run no ticket of it had before
     * (a counter that only grows, moved under the category's row lock, so concurrent sales never share one).
     */
    @Transactional
    public int allocateSeats(long categoryId, int quantity) {
        requirePositive(quantity);
        if (catalog.advanceSeats(categoryId, quantity) != 1) {
            throw new NotFound("ticket category", categoryId);
        }
        return catalog.nextSeat(categoryId) - quantity + 1;
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

    // ---- writes -------------------------------------------------------------------------------

    @Transactional
    public Event createEvent(String name, EventKind kind) {
        return createEvent(new NewEvent(name, kind, null, null), "system");
    }

    @Transactional
    public Event createEvent(NewEvent command, String actor) {
        var row = new CatalogMapper.EventRow();
        row.name = command.name();
        row.kind = command.kind();
        row.organizer = blankToNull(command.organizer());
        row.description = blankToNull(command.description());
        row.createdAt = clock.instant();
        catalog.insertEvent(row);
        Event created = event(row.id);
        audit.record(actor, "EVENT_CREATED", EVENT, row.id, created.name() + " (" + created.kind() + ")");
        return created;
    }

    @Transactional
    public Event updateEvent(long id, EventChanges changes, String actor) {
        Event before = event(id);
        Event after = new Event(id, or(changes.name(), before.name()), or(changes.kind(), before.kind()),
                changes.organizer() == null ? before.organizer() : blankToNull(changes.organizer()),
                changes.description() == null ? before.description() : blankToNull(changes.description()),
                before.createdAt(), clock.instant());
        String changed = new Changes().add("name", before.name(), after.name()).add("kind", before.kind(), after.kind())
                .add("organizer", before.organizer(), after.organizer())
                .add("description", before.description(), after.description()).toString();
        if (!changed.isEmpty()) {
            catalog.updateEvent(id, after.name(), after.kind(), after.organizer(), after.description(), after.updatedAt());
            audit.record(actor, "EVENT_CHANGED", EVENT, id, changed);
        }
        return event(id);
    }

    @Transactional
    public Show createShow(long eventId, String venue, Instant startsAt) {
        var row = new CatalogMapper.ShowRow();
        row.eventId = event(eventId).id();
        row.venue = venue;
        row.startsAt = startsAt;
        row.updatedAt = clock.instant();
        catalog.insertShow(row);
        return show(row.id);
    }

    /** A new show of an event, on sale; it starts in the future and ends after it starts. */
    @Transactional
    public Show createShow(long eventId, NewShow command, String actor) {
        Instant startsAt = command.startsAt().toInstant();
        if (!startsAt.isAfter(clock.instant())) {
            throw new InvalidField("startsAt", "must be in the future");
        }
        Instant endsAt = endsAt(startsAt, command.endsAt());
        var row = new CatalogMapper.ShowRow();
        row.eventId = event(eventId).id();
        row.venue = command.venue();
        row.startsAt = startsAt;
        row.endsAt = endsAt;
        row.updatedAt = clock.instant();
        catalog.insertShow(row);
        audit.record(actor, "SHOW_CREATED", SHOW, row.id, command.venue() + ", " + command.startsAt());
        return show(row.id);
    }

    /** What a change of a show did; a cancellation also says how its paid orders are refunded. */
    public record ShowChanged(Show show, ShowCancellations.Started cancellation) {
    }

    /**
     * Changes a show. Moving it to CANCELLED is for good: in the same transaction, every paid order of it
     * gets a refund request (see {@link ShowCancellations}); a cancelled show takes no further change.
     */
    @Transactional
    public ShowChanged updateShow(long id, ShowChanges changes, String actor) {
        Show before = show(id);
        if (before.status() == ShowStatus.CANCELLED) {
            throw new CatalogProblems.ShowCancelled(id);
        }
        Instant startsAt = changes.startsAt() == null ? before.startsAt() : changes.startsAt().toInstant();
        Instant endsAt = changes.endsAt() == null ? before.endsAt() : changes.endsAt().toInstant();
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidField(changes.endsAt() == null ? "startsAt" : "endsAt", "the show must end after it starts");
        }
        if (changes.startsAt() != null && !startsAt.equals(before.startsAt()) && !startsAt.isAfter(clock.instant())) {
            throw new InvalidField("startsAt", "must be in the future");
        }
        String venue = or(changes.venue(), before.venue());
        ShowStatus status = or(changes.status(), before.status());
        String changed = new Changes().add("venue", before.venue(), venue).add("startsAt", before.startsAt(), startsAt)
                .add("endsAt", before.endsAt(), endsAt).add("status", before.status(), status).toString();
        if (changed.isEmpty()) {
            return new ShowChanged(before, null);
        }
        if (catalog.updateShow(id, before.status(), venue, startsAt, endsAt, status, clock.instant()) != 1) {
            throw new CatalogProblems.ChangedMeanwhile("show", id);
        }
        audit.record(actor, status == ShowStatus.CANCELLED ? "SHOW_CANCELLED" : "SHOW_CHANGED", SHOW, id, changed);
        Show after = show(id);
        if (!after.startsAt().equals(before.startsAt()) || after.status() != before.status()) {
            events.publishEvent(new ShowRescheduled(after));
        }
        ShowCancellations.Started started = null;
        if (status == ShowStatus.CANCELLED) {
            ShowCancellations handler = cancellations.getIfAvailable();
            started = handler == null ? null : handler.cancelled(after, actor);
        }
        return new ShowChanged(after, started);
    }

    @Transactional
    public TicketCategory createCategory(long showId, String name, TicketType type, BigDecimal price, int capacity) {
        return createCategory(showId, new NewCategory(name, type, price, capacity), "system");
    }

    @Transactional
    public TicketCategory createCategory(long showId, NewCategory command, String actor) {
        Show show = show(showId);
        if (show.status() == ShowStatus.CANCELLED) {
            throw new CatalogProblems.ShowCancelled(showId);
        }
        var row = new CatalogMapper.CategoryRow();
        row.showId = showId;
        row.name = command.name();
        row.type = command.type();
        row.price = command.price();
        row.capacity = command.capacity();
        row.available = command.capacity();
        catalog.insertCategory(row);
        audit.record(actor, "CATEGORY_CREATED", CATEGORY, row.id, command.name() + ", " + command.type() + ", "
                + command.price().toPlainString() + " × " + command.capacity());
        return category(row.id);
    }

    /**
     * Changes a category. Its capacity never drops below what is sold or held (one conditional update, so a
     * sale at the same moment can't slip under it); its price, once a ticket of it is sold, changes only
     * through a price-change review.
     */
    @Transactional
    public TicketCategory updateCategory(long id, CategoryChanges changes, String actor) {
        TicketCategory before = category(id);
        if (show(before.showId()).status() == ShowStatus.CANCELLED) {
            throw new CatalogProblems.ShowCancelled(before.showId());
        }
        BigDecimal price = or(changes.price(), before.price());
        if (price.compareTo(before.price()) != 0) {
            long sold = catalog.countTicketsOfCategory(id);
            if (sold > 0) {
                throw new CatalogProblems.PriceChangeNeedsReview(id, sold);
            }
        }
        String name = or(changes.name(), before.name());
        TicketType type = or(changes.type(), before.type());
        int capacity = changes.capacity() == null ? before.capacity() : changes.capacity();
        String changed = new Changes().add("name", before.name(), name).add("type", before.type(), type)
                .add("price", before.price().toPlainString(), price.toPlainString())
                .add("capacity", before.capacity(), capacity).toString();
        if (changed.isEmpty()) {
            return before;
        }
        if (catalog.updateCategory(id, name, type, price, capacity, clock.instant()) != 1) {
            TicketCategory now = category(id);
            throw new CatalogProblems.CapacityBelowSold(id, capacity, now.capacity() - now.available());
        }
        audit.record(actor, "CATEGORY_CHANGED", CATEGORY, id, changed);
        return category(id);
    }

    /** "name: 'A' → 'B'; capacity: 100 → 120", only what changed. */
    private static final class Changes {
        private final List<String> parts = new ArrayList<>();

        Changes add(String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                parts.add(field + ": " + show(before) + " → " + show(after));
            }
            return this;
        }

        private static String show(Object value) {
            if (value == null) {
                return "–";
            }
            return value instanceof String text ? "'" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "'"
                    : value.toString();
        }

        @Override
        public String toString() {
            return String.join("; ", parts);
        }
    }

    private static Instant endsAt(Instant startsAt, OffsetDateTime endsAt) {
        if (endsAt == null) {
            return null;
        }
        if (!endsAt.toInstant().isAfter(startsAt)) {
            throw new InvalidField("endsAt", "the show must end after it starts");
        }
        return endsAt.toInstant();
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new InvalidField("quantity", "must be 1 or more");
        }
    }
}
