package org.ticketops.catalog;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Stock outside a sale: which categories a count covers, and moving available by a counted difference. */
@Mapper
interface StockMapper {

    @Select("SELECT c.id FROM to_ticket_categories c WHERE c.show_id = #{showId} ORDER BY c.id")
    List<Long> categoriesOfShow(long showId);

    @Select("""
            SELECT c.id FROM to_ticket_categories c JOIN to_shows s ON s.id = c.show_id
            WHERE s.event_id = #{eventId} AND s.status = 'ON_SALE' AND s.starts_at > #{now} ORDER BY c.id""")
    List<Long> categoriesOfEvent(@Param("eventId") long eventId, @Param("now") Instant now);

    @Select("""
            SELECT c.id FROM to_ticket_categories c JOIN to_shows s ON s.id = c.show_id
            WHERE s.status = 'ON_SALE' AND s.starts_at > #{now} ORDER BY c.id""")
    List<Long> categoriesOnSale(Instant now);

    /** Moves available by {@code delta} (either sign) in one statement; 0 rows when it would leave 0..capacity. */
    @Update("""
            UPDATE to_ticket_categories SET available = available + #{delta}
            WHERE id = #{id} AND available + #{delta} >= 0 AND available + #{delta} <= capacity""")
    int adjust(@Param("id") long id, @Param("delta") int delta);

    @Select("SELECT available FROM to_ticket_categories WHERE id = #{id}")
    Integer available(long id);
}
