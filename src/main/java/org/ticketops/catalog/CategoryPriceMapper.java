package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CategoryPriceMapper {

    @Insert("""
            INSERT INTO to_price_announcements (change_id, category_id, show_id, old_price, new_price, effective_at, published_at)
            SELECT #{changeId}, c.id, c.show_id, #{oldPrice}, #{newPrice}, #{effectiveAt}, #{at}
            FROM to_ticket_categories c WHERE c.id = #{categoryId}""")
    int announce(@Param("changeId") long changeId, @Param("categoryId") long categoryId, @Param("oldPrice") BigDecimal oldPrice,
                 @Param("newPrice") BigDecimal newPrice, @Param("effectiveAt") Instant effectiveAt, @Param("at") Instant at);

    @Update("UPDATE to_price_announcements SET withdrawn_at = #{at} WHERE change_id = #{changeId} AND withdrawn_at IS NULL")
    int withdraw(@Param("changeId") long changeId, @Param("at") Instant at);

    @Select("""
            SELECT a.id, a.change_id, a.category_id, c.name AS category_name, a.old_price, a.new_price, a.effective_at,
                   a.published_at, a.withdrawn_at
            FROM to_price_announcements a JOIN to_ticket_categories c ON c.id = a.category_id
            WHERE a.show_id = #{showId} ORDER BY a.effective_at, a.id""")
    List<PriceAnnouncement> ofShow(long showId);

    /** The new price, only over the price the change was decided on: a price changed meanwhile is not overwritten. */
    @Update("""
            UPDATE to_ticket_categories SET price = #{newPrice}, updated_at = #{at}
            WHERE id = #{categoryId} AND price = #{oldPrice}""")
    int setPrice(@Param("categoryId") long categoryId, @Param("oldPrice") BigDecimal oldPrice,
                 @Param("newPrice") BigDecimal newPrice, @Param("at") Instant at);

    @Select("SELECT unit_cost FROM to_ticket_categories WHERE id = #{categoryId}")
    BigDecimal unitCost(long categoryId);

    @Select("SELECT COUNT(*) FROM to_tickets WHERE category_id = #{categoryId} AND status = 'SOLD'")
    int sold(long categoryId);
}
