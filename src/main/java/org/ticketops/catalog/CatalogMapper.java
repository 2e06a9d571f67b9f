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

    int updateEvent(@Param("id") long id, @Param("name") String name, @Param("kind") EventKind kind,
                    @Param("organizer") String organizer, @Param("description") String description, @Param("at") Instant at);

    int updateShow(@Param("id") long id, @Param("from") ShowStatus from, @Param("venue") String venue,
                   @Param("startsAt") Instant startsAt, @Param("endsAt") Instant endsAt, @Param("status") ShowStatus status,
                   @Param("at") Instant at);

    int updateCategory(@Param("id") long id, @Param("name") String name, @Param("type") TicketType type,
                       @Param("price") java.math.BigDecimal price, @Param("capacity") int capacity, @Param("at") Instant at);

    /** Tickets ever issued of a category (sold, refunded or exchanged): once there is one, its price is the customers'. */
    long countTicketsOfCategory(long categoryId);

    List<Show> findShows(@Param("eventId") Long eventId, @Param("from") Instant from, @Param("to") Instant to);

    Optional<Show> findShow(long id);

    List<TicketCategory> findCategoriesOfShow(long showId);

    Optional<TicketCategory> findCategory(long id);

    int advanceSeats(@Param("categoryId") long categoryId, @Param("quantity") int quantity);

    int nextSeat(long categoryId);

    /** Takes the category's row lock (for update) now; its id, or null when there is no such category. */
    Long lockCategory(long categoryId);

    /** Takes {@code quantity} tickets from a category; 0 rows when not enough are left. */
    int takeAvailable(@Param("categoryId") long categoryId, @Param("quantity") int quantity);

    /** Returns {@code quantity} tickets to a category; 0 rows when that would exceed its capacity. */
    int returnAvailable(@Param("categoryId") long categoryId, @Param("quantity") int quantity);

    /** Mutable holders for inserts, so MyBatis can write the generated id back. */
    final class EventRow {
        public Long id;
        public String name;
        public EventKind kind;
        public String organizer;
        public String description;
        public Instant createdAt;
    }

    final class ShowRow {
        public Long id;
        public Long eventId;
        public String venue;
        public Instant startsAt;
        public Instant endsAt;
        public Instant updatedAt;
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
