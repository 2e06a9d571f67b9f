package org.ticketops.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CatalogMapper {

    void insertEvent(EventRow event);

    void insertShow(ShowRow show);

    void insertCategory(CategoryRow category);

    Optional<Event> findEvent(long id);

    List<Show> findShows(@Param("eventId") Long eventId, @Param("from") Instant from, @Param("to") Instant to);

    Optional<Show> findShow(long id);

    List<TicketCategory> findCategoriesOfShow(long showId);

    Optional<TicketCategory> findCategory(long id);

    /** Takes {@code quantity} tickets from a category; 0 rows when not enough are left. */
    int takeAvailable(@Param("categoryId") long categoryId, @Param("quantity") int quantity);

    /** Returns {@code quantity} tickets to a category; 0 rows when that would exceed its capacity. */
    int returnAvailable(@Param("categoryId") long categoryId, @Param("quantity") int quantity);

    /** Mutable holders for inserts, so MyBatis can write the generated id back. */
    final class EventRow {
        public Long id;
        public String name;
        public EventKind kind;
        public Instant createdAt;
    }

    final class ShowRow {
        public Long id;
        public Long eventId;
        public String venue;
        public Instant startsAt;
    }

    final class CategoryRow {
        public Long id;
        public Long showId;
        public String name;
        public TicketType type;
        public java.math.BigDecimal price;
        public int capacity;
        public int available;
    }
}
