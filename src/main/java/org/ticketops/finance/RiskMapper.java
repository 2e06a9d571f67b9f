package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The figures the night's risk indicators are computed from, and the warnings. */
@Mapper
interface RiskMapper {

    @Select("""
            SELECT COALESCE(SUM(total), 0) FROM to_orders
            WHERE created_at >= #{from} AND created_at < #{to} AND status NOT IN ('AWAITING_DEPOSIT', 'EXPIRED')""")
    BigDecimal revenue(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT COALESCE(SUM(amount), 0) FROM to_payments
            WHERE created_at >= #{from} AND created_at < #{to} AND direction = #{direction}""")
    BigDecimal payments(@Param("from") Instant from, @Param("to") Instant to, @Param("direction") String direction);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM to_chargebacks WHERE occurred_at >= #{from} AND occurred_at < #{to}")
    BigDecimal chargebacks(@Param("from") Instant from, @Param("to") Instant to);

    @Select("SELECT COALESCE(SUM(total), 0) FROM to_orders WHERE status = 'AWAITING_DEPOSIT' AND hold_expires_at < #{before}")
    BigDecimal unpaidDeposits(Instant before);

    @Select("""
            SELECT COALESCE(SUM(ABS(COALESCE(actual, 0) - COALESCE(expected, 0))), 0) FROM to_reconciliation_mismatches
            WHERE day_id = #{dayId}""")
    BigDecimal unmatched(long dayId);

    record Upcoming(long showId, String eventName, Instant startsAt, int available, int soldLastWeek) {
    }

    @Select("""
            SELECT s.id AS show_id, e.name AS event_name, s.starts_at,
                (SELECT COALESCE(SUM(c.available), 0) FROM to_ticket_categories c WHERE c.show_id = s.id) AS available,
                (SELECT COUNT(*) FROM to_tickets t JOIN to_orders o ON o.id = t.order_id
                 WHERE o.show_id = s.id AND o.created_at >= #{weekFrom} AND o.created_at < #{to}) AS sold_last_week
            FROM to_shows s JOIN to_events e ON e.id = s.event_id
            WHERE s.status = 'ON_SALE' AND s.starts_at >= #{to} AND s.starts_at < #{horizon}
            ORDER BY s.starts_at, s.id""")
    List<Upcoming> upcoming(@Param("weekFrom") Instant weekFrom, @Param("to") Instant to, @Param("horizon") Instant horizon);

    @Select("""
            SELECT COALESCE(SUM(accepted_quantity * unit_cost - COALESCE(supplier_credit, 0)), 0) FROM to_procurement_requests
            WHERE stocked_at >= #{from} AND stocked_at < #{to}""")
    BigDecimal procurementStocked(@Param("from") Instant from, @Param("to") Instant to);

    @Insert("""
            INSERT INTO to_risk_warnings (business_day, indicator, subject, indicator_value, level, detail, table_version,
                created_at)
            VALUES (#{businessDay}, #{indicator}, #{subject}, #{indicatorValue}, #{level}, #{detail}, #{tableVersion},
                #{createdAt})""")
    void insert(RiskWarning warning);

    String SELECT = """
            SELECT id, business_day, indicator, subject, indicator_value, level, detail, table_version, created_at,
                acknowledged_by, acknowledged_at, ack_comment FROM to_risk_warnings""";

    @Select(SELECT + " WHERE business_day = #{day} AND indicator = #{indicator} AND subject = #{subject}")
    RiskWarning find(@Param("day") LocalDate day, @Param("indicator") RiskIndicator indicator, @Param("subject") String subject);

    @Select(SELECT + " WHERE id = #{id}")
    RiskWarning warning(long id);

    @Select(SELECT + " WHERE acknowledged_at IS NULL AND level IN ('WARN', 'ALERT') ORDER BY business_day DESC, id LIMIT 500")
    List<RiskWarning> open();

    @Select(SELECT + " WHERE business_day = #{day} ORDER BY id")
    List<RiskWarning> ofDay(LocalDate day);

    @Update("""
            UPDATE to_risk_warnings SET acknowledged_by = #{by}, acknowledged_at = #{at}, ack_comment = #{comment}
            WHERE id = #{id} AND acknowledged_at IS NULL""")
    int acknowledge(@Param("id") long id, @Param("by") String by, @Param("at") Instant at, @Param("comment") String comment);
}
