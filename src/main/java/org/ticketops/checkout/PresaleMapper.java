package org.ticketops.checkout;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface PresaleMapper {

    final class Row {
        public Long id;
        public long showId;
        public Instant opensAt;
        public Instant closesAt;
        public String eligibleTiers;
        public int limitPerCustomer;
        public String createdBy;
        public Instant createdAt;
    }

    @Insert("""
            INSERT INTO to_presales (show_id, opens_at, closes_at, eligible_tiers, limit_per_customer, created_by, created_at)
            VALUES (#{showId}, #{opensAt}, #{closesAt}, #{eligibleTiers}, #{limitPerCustomer}, #{createdBy}, #{createdAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    @Select("""
            SELECT id, show_id, opens_at, closes_at, eligible_tiers, limit_per_customer, created_by, created_at
            FROM to_presales WHERE show_id = #{showId} ORDER BY opens_at, id""")
    List<Row> findOfShow(long showId);

    /** Presales of a show whose window overlaps [from, to). */
    @Select("""
            SELECT COUNT(*) FROM to_presales WHERE show_id = #{showId} AND opens_at < #{to} AND closes_at > #{from}""")
    int countOverlapping(@Param("showId") long showId, @Param("from") Instant from, @Param("to") Instant to);

    /** The customer's first purchase in the presale; a parallel first purchase makes this a duplicate key. */
    @Insert("INSERT INTO to_presale_purchases (presale_id, customer_id, bought) VALUES (#{presaleId}, #{customerId}, #{quantity})")
    int insertFirst(@Param("presaleId") long presaleId, @Param("customerId") long customerId, @Param("quantity") int quantity);

    /** Counts tickets against the limit: 1 row when they fit, 0 when they would pass it. */
    @Update("""
            UPDATE to_presale_purchases SET bought = bought + #{quantity}
            WHERE presale_id = #{presaleId} AND customer_id = #{customerId} AND bought + #{quantity} <= #{limit}""")
    int count(@Param("presaleId") long presaleId, @Param("customerId") long customerId, @Param("quantity") int quantity,
              @Param("limit") int limit);

    @Select("SELECT bought FROM to_presale_purchases WHERE presale_id = #{presaleId} AND customer_id = #{customerId}")
    Integer bought(@Param("presaleId") long presaleId, @Param("customerId") long customerId);
}
