package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.support.MySqlTest;

/** The README's script loads a center into the empty mysql profile through the API: it runs here against MariaDB. */
@MySqlTest
class MySqlLoadCenterTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLoadACenterScriptFillsAnEmptyCenterThroughTheApi() throws Exception {
        Process script = new ProcessBuilder("bash", "docs/load-a-center.sh", "http://localhost:" + port, "admin",
                "Tick3t-Ops!Strong").redirectErrorStream(true).start();
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.exitValue()).as(output).isZero();
        assertThat(output).contains("\"imported\":3").contains("order ");

        Long event = jdbc.queryForObject("SELECT id FROM to_events WHERE name = 'Shanghai Symphony: New Year Concert'", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_ticket_categories c JOIN to_shows s ON s.id = c.show_id"
                + " WHERE s.event_id = ?", Integer.class, event)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT phone FROM to_customers WHERE email = 'li.na@example.cn'", String.class))
                .isEqualTo("+8613800138101");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM to_tickets t JOIN to_orders o ON o.id = t.order_id JOIN to_customers c ON c.id = o.customer_id
                WHERE c.email = 'li.na@example.cn' AND o.sold_by = 'admin'""", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM to_invoices i JOIN to_customers c ON c.id = i.customer_id
                WHERE c.email = 'li.na@example.cn' AND i.number LIKE 'INV-%'""", Integer.class)).isEqualTo(1);
    }
}
