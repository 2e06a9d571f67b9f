package org.ticketops.cancellation;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ShowCancellationMapper {

    final class Row {
        public Long id;
        public long showId;
        public long caseId;
        public String cancelledBy;
        public Instant cancelledAt;
        public int ordersTotal;
    }

    @Insert("""
            INSERT INTO to_show_cancellations (show_id, case_id, cancelled_by, cancelled_at, orders_total, last_order_id,
                                               refunds_started, orders_skipped)
            VALUES (#{showId}, #{caseId}, #{cancelledBy}, #{cancelledAt}, #{ordersTotal}, 0, 0, 0)""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    String SELECT = """
            SELECT x.id, x.show_id, x.case_id, c.business_key AS case_key, c.status, x.cancelled_by, x.cancelled_at,
                   x.orders_total, x.last_order_id, x.refunds_started, x.orders_skipped
            FROM to_show_cancellations x JOIN to_cases c ON c.id = x.case_id""";

    @Select(SELECT + " WHERE x.id = #{id}")
    Optional<ShowCancellation> find(long id);

    @Select(SELECT + " WHERE x.show_id = #{showId}")
    Optional<ShowCancellation> findByShow(long showId);

    /** Moves the cursor past a batch, only from where it was read: a batch run twice counts once. */
    @Update("""
            UPDATE to_show_cancellations SET last_order_id = #{to}, refunds_started = refunds_started + #{started},
                   orders_skipped = orders_skipped + #{skipped}
            WHERE id = #{id} AND last_order_id = #{from}""")
    int advance(@Param("id") long id, @Param("from") long from, @Param("to") long to, @Param("started") int started,
                @Param("skipped") int skipped);
}
