package org.ticketops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.audit.AuditTrail;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** The center builds its catalog over the API: events, shows, categories, their changes and every refusal. */
@TicketOpsTest
class CatalogApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).withNano(0).toString();
    }

    private long createEvent(String user, String name) {
        return api.post(user, "/api/events", Map.of("name", name, "kind", "CONCERT", "organizer", "Live Nation China",
                "description", "Tour \"2027\" · 巡回演唱会 🎤")).hasStatus(201).tree().path("id").asLong();
    }

    @Test
    void anOperationsManagerBuildsAnEventWithAShowAndCategoriesAndEveryWriteIsAudited() {
        String name = TestData.unique("Jay Chou 周杰伦 🎵");
        JsonNode event = api.post("olivia", "/api/events", Map.of("name", name, "kind", "CONCERT",
                "organizer", "Live Nation China", "description", "Tour \"2027\" · 巡回演唱会 🎤")).hasStatus(201).tree();
        long eventId = event.path("id").asLong();
        assertThat(event.path("name").asText()).isEqualTo(name);
        assertThat(event.path("description").asText()).isEqualTo("Tour \"2027\" · 巡回演唱会 🎤");

        JsonNode show = api.post("sam", "/api/events/" + eventId + "/shows", Map.of("venue", "Test arena",
                "startsAt", inDays(30), "endsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(30).plusHours(3)
                        .withNano(0).toString())).hasStatus(201).tree();
        long showId = show.path("id").asLong();
        assertThat(show.path("status").asText()).isEqualTo("ON_SALE");
        assertThat(show.path("startsAt").asText()).endsWith("+08:00");

        JsonNode vip = api.post("olivia", "/api/shows/" + showId + "/categories", Map.of("name", "VIP floor",
                "type", "VIP", "price", "1880.00", "capacity", 200)).hasStatus(201).tree();
        assertThat(vip.path("available").asInt()).isEqualTo(200);
        long categoryId = vip.path("id").asLong();

        JsonNode renamed = api.patch("olivia", "/api/events/" + eventId, Map.of("kind", "SPORTS", "organizer", ""))
                .hasStatus(200).tree();
        assertThat(renamed.path("kind").asText()).isEqualTo("SPORTS");
        assertThat(renamed.path("name").asText()).isEqualTo(name);
        assertThat(renamed.path("organizer").isNull()).isTrue();
        // unsold: the price may still change, and the capacity moves what is available by as much
        JsonNode changed = api.patch("olivia", "/api/categories/" + categoryId, Map.of("price", "1680.00", "capacity", 150))
                .hasStatus(200).tree();
        assertThat(changed.path("price").asText()).isEqualTo("1680.00");
        assertThat(changed.path("available").asInt()).isEqualTo(150);

        assertThat(audit.of(CatalogService.EVENT, eventId)).extracting(e -> e.action() + " by " + e.actor() + ": " + e.detail())
                .containsExactly("EVENT_CREATED by olivia: " + name + " (CONCERT)",
                        "EVENT_CHANGED by olivia: kind: CONCERT → SPORTS; organizer: 'Live Nation China' → –");
        assertThat(audit.of(CatalogService.CATEGORY, categoryId)).extracting(e -> e.detail())
                .contains("price: '1880.00' → '1680.00'; capacity: 200 → 150");
        assertThat(audit.of(CatalogService.SHOW, showId)).extracting(e -> e.actor()).containsExactly("sam");
    }

    @Test
    void aSoldCategoryKeepsItsPriceAndNeverDropsBelowWhatIsSold() {
        var show = data.show(data.event(), Duration.ofDays(20));
        var category = data.category(show, org.ticketops.catalog.TicketType.STANDARD, "480.00", 10);
        data.order(data.customer(MemberTier.NONE), category, 4);

        assertThat(api.patch("olivia", "/api/categories/" + category.id(), Map.of("price", "520.00")).isProblem(409).code())
                .isEqualTo("PRICE_CHANGE_NEEDS_REVIEW");
        JsonNode below = api.patch("olivia", "/api/categories/" + category.id(), Map.of("capacity", 3)).isProblem(409).tree();
        assertThat(below.path("code").asText()).isEqualTo("CAPACITY_BELOW_SOLD");
        assertThat(below.path("taken").asInt()).isEqualTo(4);
        JsonNode exact = api.patch("olivia", "/api/categories/" + category.id(), Map.of("capacity", 4, "name", "Stand A"))
                .hasStatus(200).tree();
        assertThat(exact.path("available").asInt()).isZero();
        assertThat(exact.path("price").asText()).isEqualTo("480.00");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        long eventId = createEvent("olivia", TestData.unique("Bad input"));
        long events = count("to_events");
        long shows = count("to_shows");
        long categories = count("to_ticket_categories");

        api.post("olivia", "/api/events", "{\"name\": \"x\", \"kind\": ").isProblem(400);
        api.post("olivia", "/api/events", Map.of("name", "x", "kind", "CIRCUS")).isProblem(400, "kind");
        api.post("olivia", "/api/events", Map.of("name", "x".repeat(201), "kind", "OTHER")).isProblem(400, "name");
        api.post("olivia", "/api/events", Map.of("kind", "OTHER")).isProblem(400, "name");
        api.post("olivia", "/api/events/" + eventId + "/shows", Map.of("venue", "Hall", "startsAt", "2027-01-01T19:30:00"))
                .isProblem(400, "startsAt");
        api.post("olivia", "/api/events/" + eventId + "/shows", Map.of("venue", "Hall", "startsAt", inDays(-1)))
                .isProblem(400, "startsAt");
        api.post("olivia", "/api/events/" + eventId + "/shows", Map.of("venue", "Hall", "startsAt", inDays(5),
                "endsAt", inDays(4))).isProblem(400, "endsAt");
        api.post("olivia", "/api/events/99999999/shows", Map.of("venue", "Hall", "startsAt", inDays(5))).isProblem(404);
        var show = data.show(data.event(), Duration.ofDays(9));
        categories = count("to_ticket_categories");
        shows = count("to_shows");
        events = count("to_events");
        Map<String, Object> category = new LinkedHashMap<>(Map.of("name", "Stand", "type", "STANDARD", "price", "10.005",
                "capacity", 5));
        api.post("olivia", "/api/shows/" + show.id() + "/categories", category).isProblem(400, "price");
        category.put("price", "-1.00");
        api.post("olivia", "/api/shows/" + show.id() + "/categories", category).isProblem(400, "price");
        category.put("price", "10.00");
        category.put("capacity", -1);
        api.post("olivia", "/api/shows/" + show.id() + "/categories", category).isProblem(400, "capacity");
        category.put("capacity", "many");
        api.post("olivia", "/api/shows/" + show.id() + "/categories", category).isProblem(400, "capacity");
        api.patch("olivia", "/api/categories/99999999", Map.of("name", "x")).isProblem(404);

        assertThat(count("to_events")).isEqualTo(events);
        assertThat(count("to_shows")).isEqualTo(shows);
        assertThat(count("to_ticket_categories")).isEqualTo(categories);
    }

    @Test
    void onlyOperationsManagersAndTicketSalesWriteTheCatalog() {
        api.post("amy", "/api/events", Map.of("name", "x", "kind", "OTHER")).isProblem(403);
        api.post("fiona", "/api/events", Map.of("name", "x", "kind", "OTHER")).isProblem(403);
        long eventId = createEvent("sam", TestData.unique("By sales"));
        api.patch("amy", "/api/events/" + eventId, Map.of("name", "y")).isProblem(403);
        assertThat(api.get("amy", "/api/events/" + eventId).hasStatus(200).tree().path("id").asLong()).isEqualTo(eventId);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
