package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/**
 * A request that the database picks as the loser of a deadlock is rolled back whole; the server runs it again
 * instead of handing the desk a 409 for a conflict the desk did not cause. The deadlock is made on purpose: another
 * transaction, heavier so that InnoDB rolls back the request and not it, holds the order's row while the request,
 * holding its exchange's target category, waits for it (its foreign key check), and then asks for the category.
 */
@MySqlTest
class MySqlLockLoserTest {

    @Autowired
    TestData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void anExchangeRequestChosenAsADeadlockVictimIsRunAgainAndRegisteredOnce() throws Exception {
        var event = data.event();
        Show show = data.show(event, Duration.ofDays(20));
        Show other = data.show(event, Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "300.00", 10);
        TicketCategory target = data.category(other, TicketType.STANDARD, "300.00", 10);
        OrderDetails order = data.order(data.customer(MemberTier.NONE), category, 1);
        long ticketId = order.tickets().get(0).id();
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_lock_ballast (id BIGINT AUTO_INCREMENT PRIMARY KEY, pad VARCHAR(64))");

        CompletableFuture<ResponseEntity<String>> answer;
        try (Connection other1 = dataSource.getConnection()) {
            other1.setAutoCommit(false);
            try (var ballast = other1.prepareStatement("INSERT INTO test_lock_ballast (pad) VALUES ('ballast')")) {
                for (int i = 0; i < 2000; i++) {
                    ballast.addBatch();
                }
                ballast.executeBatch();
            }
            lockRow(other1, "SELECT id FROM to_orders WHERE id = " + order.order().id() + " FOR UPDATE");

            answer = CompletableFuture.supplyAsync(() -> rest.postForEntity("/api/refund-requests", new HttpEntity<>(Map.of(
                    "orderId", order.order().id(), "ticketIds", List.of(ticketId), "type", "EXCHANGE",
                    "reason", "CUSTOMER_CHOICE", "targetCategoryId", target.id()), headers()), String.class));
            awaitLockWait(answer);
            // the request holds the category and waits for the order: asking for the category closes the cycle, and
            // InnoDB rolls back the lighter transaction, the request
            try {
                lockRow(other1, "SELECT id FROM to_ticket_categories WHERE id = " + target.id() + " FOR UPDATE");
            } catch (SQLException e) {
                throw new AssertionError("the ballast transaction, not the request, lost the deadlock; the test set-up "
                        + "no longer makes the request the victim", e);
            }
            other1.rollback();
        }

        ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        long requestId = new ObjectMapper().readTree(response.getBody()).path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_refund_requests WHERE order_id = ?", Long.class,
                order.order().id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT request_id FROM to_refund_request_tickets WHERE ticket_id = ?", Long.class,
                ticketId)).isEqualTo(requestId);
        assertThat(catalog.category(target.id()).available()).as("one seat held, once").isEqualTo(9);
        jdbc.execute("DROP TABLE test_lock_ballast");
    }

    private static void lockRow(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getLong(1);
            }
        }
    }

    private void awaitLockWait(CompletableFuture<ResponseEntity<String>> answer) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
                    Long.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            // InnoDB refreshes this table's cache only when it was last read more than 100 ms ago
            Thread.sleep(200);
        }
        throw new AssertionError("the request never waited for the held order: " + (answer.isDone() ? answer.join()
                : "still running; " + jdbc.queryForList("SELECT trx_id, trx_state, trx_query FROM information_schema.innodb_trx")));
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "Tick3t-Ops!Strong");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
