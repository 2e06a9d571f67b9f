package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The figures of the revenue report: orders, payments and the provider's fees of a period. */
@Mapper
interface RevenueMapper {

    String SOLD = "o.created_at >= #{from} AND o.created_at < #{to} AND o.status NOT IN ('AWAITING_DEPOSIT', 'EXPIRED')";

    @Select("""
            SELECT o.channel AS label, COUNT(*) AS orders, COALESCE(SUM(COALESCE(o.subtotal, o.total)), 0) AS gross,
                COALESCE(SUM(COALESCE(o.discount_amount, 0)), 0) AS discounts, COALESCE(SUM(o.total), 0) AS sales
            FROM to_orders o WHERE""" + " " + SOLD + " GROUP BY o.channel ORDER BY o.channel")
    List<RevenueReports.SalesRow> byChannel(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT e.name AS label, COUNT(*) AS orders, COALESCE(SUM(COALESCE(o.subtotal, o.total)), 0) AS gross,
                COALESCE(SUM(COALESCE(o.discount_amount, 0)), 0) AS discounts, COALESCE(SUM(o.total), 0) AS sales
            FROM to_orders o JOIN to_shows s ON s.id = o.show_id JOIN to_events e ON e.id = s.event_id WHERE""" + " " + SOLD
            + " GROUP BY e.id, e.name ORDER BY sales DESC, e.name")
    List<RevenueReports.SalesRow> byEvent(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT method AS label, COUNT(*) AS payments, COALESCE(SUM(amount), 0) AS amount FROM to_payments
            WHERE created_at >= #{from} AND created_at < #{to} AND direction = 'IN' GROUP BY method ORDER BY method""")
    List<RevenueReports.MethodRow> byMethod(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT COUNT(*) AS payments, COALESCE(SUM(amount), 0) AS amount FROM to_payments
            WHERE created_at >= #{from} AND created_at < #{to} AND direction = 'OUT'""")
    RevenueReports.Refunds refunds(@Param("from") Instant from, @Param("to") Instant to);

    @Select("""
            SELECT COALESCE(SUM(fee), 0) FROM to_settlement_lines WHERE value_date >= #{from} AND value_date <= #{to}""")
    BigDecimal fees(@Param("from") LocalDate from, @Param("to") LocalDate to);
}
