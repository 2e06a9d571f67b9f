package org.ticketops.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Write-offs: which categories are due, one row per category (a unique key), each step once. */
@Mapper
interface WriteOffMapper {

    /** What a due category holds; {@code reason} ENDED or CANCELLED. */
    record Due(long categoryId, long showId, String reason, int unsold, int voided, BigDecimal unitCost) {
    }

    /**
     * Categories of shows that have ended, or were cancelled and whose refunds are all done (the cancellation's case
     * closed and no refund request of the show still open), and that have no write-off yet.
     */
    @Select("""
            SELECT c.id AS category_id, s.id AS show_id,
                CASE WHEN s.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'ENDED' END AS reason,
                c.available AS unsold,
                (SELECT COUNT(*) FROM to_tickets t WHERE t.category_id = c.id AND t.status = 'VOID') AS voided,
                c.unit_cost
            FROM to_ticket_categories c JOIN to_shows s ON s.id = c.show_id
            WHERE NOT EXISTS (SELECT 1 FROM to_write_offs w WHERE w.category_id = c.id)
              AND ((s.status <> 'CANCELLED' AND COALESCE(s.ends_at, s.starts_at) < #{now})
                OR (s.status = 'CANCELLED'
                    AND EXISTS (SELECT 1 FROM to_show_cancellations x JOIN to_cases k ON k.id = x.case_id
                                WHERE x.show_id = s.id AND k.closed_at IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM to_refund_requests r JOIN to_orders o ON o.id = r.order_id
                                    JOIN to_cases k2 ON k2.id = r.case_id
                                    WHERE o.show_id = s.id AND k2.closed_at IS NULL)))
            ORDER BY c.id""")
    List<Due> due(Instant now);

    final class Row {
        public Long id;
        public long categoryId;
        public long showId;
        public String reason;
        public int unsoldQty;
        public int voidQty;
        public BigDecimal unitCost;
        public BigDecimal amount;
        public boolean needsApproval;
        public String processInstanceId;
        public Instant createdAt;
    }

    @Insert("""
            INSERT INTO to_write_offs (category_id, show_id, reason, unsold_qty, void_qty, unit_cost, amount, needs_approval,
                process_instance_id, created_at)
            VALUES (#{categoryId}, #{showId}, #{reason}, #{unsoldQty}, #{voidQty}, #{unitCost}, #{amount}, #{needsApproval},
                #{processInstanceId}, #{createdAt})""")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(Row row);

    @Update("UPDATE to_write_offs SET case_id = #{caseId} WHERE id = #{id} AND case_id IS NULL")
    int attach(@Param("id") long id, @Param("caseId") long caseId);

    String SELECT = """
            SELECT w.id, w.category_id, c.name AS category_name, w.show_id, e.name AS event_name, s.starts_at AS show_starts_at,
                w.reason, w.unsold_qty, w.void_qty, w.unit_cost, w.amount, w.case_id, k.business_key, k.status,
                w.needs_approval, w.decided_by, w.decided_at, w.decision_comment, w.written_unsold, w.movement_id,
                w.posted_at, w.created_at
            FROM to_write_offs w JOIN to_ticket_categories c ON c.id = w.category_id JOIN to_shows s ON s.id = w.show_id
            JOIN to_events e ON e.id = s.event_id LEFT JOIN to_cases k ON k.id = w.case_id""";

    @Select(SELECT + " WHERE w.id = #{id}")
    WriteOff writeOff(long id);

    @Select(SELECT + " WHERE w.show_id = #{showId} ORDER BY w.id")
    List<WriteOff> ofShow(long showId);

    @Select(SELECT + " WHERE w.created_at >= #{from} AND w.created_at < #{to} ORDER BY w.id")
    List<WriteOff> between(@Param("from") Instant from, @Param("to") Instant to);

    @Update("""
            UPDATE to_write_offs SET decided_by = #{by}, decided_at = #{at}, decision_comment = #{comment}
            WHERE id = #{id} AND decided_at IS NULL AND posted_at IS NULL""")
    int decide(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("comment") String comment);

    @Update("""
            UPDATE to_write_offs SET written_unsold = #{unsold}, amount = #{amount}, movement_id = #{movementId},
                posted_at = #{at}
            WHERE id = #{id} AND posted_at IS NULL""")
    int posted(@Param("id") long id, @Param("unsold") int unsold, @Param("amount") BigDecimal amount,
               @Param("movementId") Long movementId, @Param("at") Instant at);
}
