package org.ticketops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

@TicketOpsTest
class ShowApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void showsAShowWithItsCategoriesAndAvailability() {
        Event event = data.event();
        Show show = data.show(event, Duration.ofDays(12));
        TicketCategory vip = data.category(show, TicketType.VIP, "1280.00", 10);
        data.category(show, TicketType.PROMOTIONAL, "99.50", 5);
        data.order(data.customer(org.ticketops.customer.MemberTier.GOLD), vip, 3);

        JsonNode body = api.get("sam", "/api/shows/" + show.id()).hasStatus(200).tree();
        assertThat(body.path("event").path("name").asText()).isEqualTo(event.name());
        assertThat(body.path("venue").asText()).isEqualTo("Test venue");
        assertThat(OffsetDateTime.parse(body.path("startsAt").asText()).toInstant()).isEqualTo(show.startsAt());
        assertThat(body.path("startsAt").asText()).endsWith("+08:00");
        assertThat(body.path("categories")).hasSize(2);
        JsonNode first = body.path("categories").get(0);
        assertThat(first.path("type").asText()).isEqualTo("VIP");
        assertThat(first.path("price").asText()).isEqualTo("1280.00");
        assertThat(first.path("capacity").asInt()).isEqualTo(10);
        assertThat(first.path("available").asInt()).isEqualTo(7);
        assertThat(body.path("categories").get(1).path("price").asText()).isEqualTo("99.50");
    }

    @Test
    void listsShowsByStartTimeWithTotals() {
        Event event = data.event();
        Show later = data.show(event, Duration.ofDays(40));
        Show sooner = data.show(event, Duration.ofDays(4));
        data.category(later, TicketType.STANDARD, "100.00", 50);
        data.category(later, TicketType.VIP, "300.00", 10);

        JsonNode shows = api.get("amy", "/api/shows?eventId=" + event.id()).hasStatus(200).tree();
        assertThat(shows).hasSize(2);
        assertThat(shows.get(0).path("id").asLong()).isEqualTo(sooner.id());
        assertThat(shows.get(1).path("capacity").asInt()).isEqualTo(60);
        assertThat(shows.get(1).path("available").asInt()).isEqualTo(60);
        assertThat(shows.get(1).path("eventName").asText()).isEqualTo(event.name());
    }

    @Test
    void unknownShowIsA404Problem() {
        api.get("amy", "/api/shows/987654321").isProblem(404);
    }

    @Test
    void aShowIdThatIsNotANumberIsA400NamingIt() {
        api.get("amy", "/api/shows/abc").isProblem(400, "id");
        api.get("amy", "/api/shows?eventId=x").isProblem(400, "eventId");
    }
}
