package org.ticketops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V6 turns existing refund requests into cases: status and closing time move to to_cases, each request
 * points at its case, and the carried-over status is the case's first transition. Runs the real
 * migrations on an H2 database holding refund requests from before V6 (the MySQL suite runs them on
 * MariaDB from empty).
 */
class CaseMigrationTest {

    @Test
    void existingRefundRequestsBecomeCasesWithTheirStatus() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:case-migration;DB_CLOSE_DELAY=-1");
        Map<String, String> placeholders = Map.of("timestamp", "TIMESTAMP(3)", "blob", "BLOB", "text", "CLOB",
                "drop_unique", "DROP CONSTRAINT");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").placeholders(placeholders).target("5")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO to_customers (id, name, member_tier, customer_type, created_at)"
                + " VALUES (1, 'Chen Jing', 'NONE', 'INDIVIDUAL', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO to_events (id, name, kind, created_at) VALUES (1, 'Concert', 'CONCERT', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO to_shows (id, event_id, venue, starts_at) VALUES (1, 1, 'Hall', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO to_orders (id, customer_id, show_id, channel, status, total, created_at)"
                + " VALUES (1, 1, 1, 'WEB', 'PAID', 480.00, CURRENT_TIMESTAMP)");
        for (Object[] request : List.of(new Object[]{7, "COMPLETED", "2026-11-01 10:00:00"},
                new Object[]{1234567, "AWAITING_REVIEW", null})) {
            jdbc.update("INSERT INTO to_refund_requests (id, order_id, customer_id, type, reason, status, process_instance_id,"
                    + " requested_by, requested_at, closed_at, updated_at) VALUES (?, 1, 1, 'REFUND', 'CUSTOMER_CHOICE', ?,"
                    + " 'pi-' || ?, 'amy', CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP)", request[0], request[1], request[0],
                    request[2] == null ? null : java.sql.Timestamp.valueOf((String) request[2]));
        }

        Flyway.configure().dataSource(db).locations("classpath:db/migration").placeholders(placeholders).load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT r.id, c.business_key, c.status, c.closed_at,"
                + " c.process_instance_id, c.opened_by FROM to_refund_requests r JOIN to_cases c ON c.id = r.case_id ORDER BY r.id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("BUSINESS_KEY", "R-000007").containsEntry("STATUS", "COMPLETED")
                .containsEntry("PROCESS_INSTANCE_ID", "pi-7").containsEntry("OPENED_BY", "amy");
        assertThat(rows.get(0).get("CLOSED_AT")).isNotNull();
        assertThat(rows.get(1)).containsEntry("BUSINESS_KEY", "R-1234567").containsEntry("STATUS", "AWAITING_REVIEW");
        assertThat(rows.get(1).get("CLOSED_AT")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_case_transitions WHERE from_status IS NULL", Integer.class))
                .isEqualTo(2);
    }
}
