package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.Event;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * Every kind of bad input on every writing endpoint of sales and master data: malformed JSON, wrong types, unknown
 * enum values, zero or negative quantities, prices with three decimals, times without an offset, text over its
 * column, unknown ids. Each is refused with problem details naming the field, and no table changes.
 */
@TicketOpsTest
class BadInputApiTest {

    private static final List<String> TABLES = List.of("to_events", "to_shows", "to_ticket_categories", "to_customers",
            "to_orders", "to_tickets", "to_payments", "to_invoices", "to_presales", "to_audit_events");
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    record Case(String user, HttpMethod method, String path, Object body, int status, String field) {
    }

    @Test
    void everyKindOfBadInputIsRefusedNamingTheFieldAndChangesNothing() {
        Event event = data.event();
        Show show = data.show(event, Duration.ofDays(15));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 10);
        Customer customer = data.customer(MemberTier.NONE);
        String later = java.time.OffsetDateTime.now().plusDays(20).withNano(0).toString();
        String noOffset = java.time.LocalDateTime.now().plusDays(20).withNano(0).toString();
        String tooLong = "字".repeat(201);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("olivia", HttpMethod.POST, "/api/events", "{\"name\": \"x\", ", 400, null),
                new Case("olivia", HttpMethod.POST, "/api/events", Map.of("name", tooLong, "kind", "OTHER"), 400, "name"),
                new Case("olivia", HttpMethod.POST, "/api/events", Map.of("name", "x", "kind", "OPERA"), 400, "kind"),
                new Case("olivia", HttpMethod.PATCH, "/api/events/" + event.id(), Map.of("name", 42), 400, "name"),
                new Case("olivia", HttpMethod.PATCH, "/api/events/99999999", Map.of("name", "x"), 404, null),
                new Case("olivia", HttpMethod.POST, "/api/events/" + event.id() + "/shows", Map.of("venue", "Hall", "startsAt", noOffset), 400, "startsAt"),
                new Case("olivia", HttpMethod.POST, "/api/events/" + event.id() + "/shows", Map.of("venue", tooLong, "startsAt", later), 400, "venue"),
                new Case("olivia", HttpMethod.PATCH, "/api/shows/" + show.id(), Map.of("startsAt", noOffset), 400, "startsAt"),
                new Case("olivia", HttpMethod.PATCH, "/api/shows/" + show.id(), Map.of("status", "POSTPONED"), 400, "status"),
                new Case("olivia", HttpMethod.PATCH, "/api/shows/99999999", Map.of("venue", "x"), 404, null),
                new Case("olivia", HttpMethod.POST, "/api/shows/" + show.id() + "/categories",
                        Map.of("name", "A", "type", "STANDARD", "price", "1.234", "capacity", 5), 400, "price"),
                new Case("olivia", HttpMethod.POST, "/api/shows/99999999/categories",
                        Map.of("name", "A", "type", "STANDARD", "price", "1.00", "capacity", 5), 404, null),
                new Case("olivia", HttpMethod.PATCH, "/api/categories/" + category.id(), Map.of("capacity", -5), 400, "capacity"),
                new Case("olivia", HttpMethod.PATCH, "/api/categories/" + category.id(), Map.of("price", "-1.00"), 400, "price"),
                new Case("amy", HttpMethod.POST, "/api/customers", Map.of("name", "x", "memberTier", "GOLD", "customerType", "ALIEN"), 400, "customerType"),
                new Case("amy", HttpMethod.POST, "/api/customers", Map.of("name", tooLong, "memberTier", "GOLD", "customerType", "INDIVIDUAL"), 400, "name"),
                new Case("amy", HttpMethod.PATCH, "/api/customers/" + customer.id(), Map.of("email", "@@"), 400, "email"),
                new Case("amy", HttpMethod.PATCH, "/api/customers/" + customer.id(), Map.of("birthday", "17/05/1990"), 400, "birthday"),
                new Case("sam", HttpMethod.POST, "/api/orders", Map.of("customerId", customer.id(), "channel", "WEB",
                        "lines", List.of(Map.of("categoryId", category.id(), "quantity", -1)), "payment", Map.of("method", "CASH")), 400, null),
                new Case("sam", HttpMethod.POST, "/api/orders", Map.of("customerId", "me", "channel", "WEB",
                        "lines", List.of(Map.of("categoryId", category.id(), "quantity", 1)), "payment", Map.of("method", "CASH")), 400, "customerId"),
                new Case("sam", HttpMethod.POST, "/api/orders", Map.of("customerId", 99999999L, "channel", "WEB",
                        "lines", List.of(Map.of("categoryId", category.id(), "quantity", 1)), "payment", Map.of("method", "CASH")), 404, null),
                new Case("sam", HttpMethod.POST, "/api/orders/99999999/payment", Map.of("method", "CASH"), 404, null),
                new Case("olivia", HttpMethod.POST, "/api/shows/" + show.id() + "/presales", Map.of("opensAt", noOffset,
                        "closesAt", later, "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 2), 400, "opensAt")));
        Map<String, Long> before = counts();
        Api api = new Api(rest);
        for (Case c : cases) {
            Api.Response answer = api.call(c.user(), c.method(), c.path(), c.body(), Map.of());
            if (c.field() == null) {
                answer.isProblem(c.status());
            } else {
                answer.isProblem(c.status(), c.field());
            }
        }
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        return counts;
    }
}
