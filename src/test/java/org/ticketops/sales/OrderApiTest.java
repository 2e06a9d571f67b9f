package org.ticketops.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

@TicketOpsTest
class OrderApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    SalesService sales;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void showsAnOrderWithItsTickets() {
        Customer customer = data.customer(MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 100);
        OrderDetails order = data.order(customer, category, 2);

        JsonNode body = api.get("amy", "/api/orders/" + order.order().id()).hasStatus(200).tree();
        assertThat(body.path("customerId").asLong()).isEqualTo(customer.id());
        assertThat(body.path("showId").asLong()).isEqualTo(show.id());
        assertThat(body.path("status").asText()).isEqualTo("PAID");
        assertThat(body.path("total").asText()).isEqualTo("960.00");
        assertThat(body.path("refundFeesVersion").asInt()).isPositive();
        assertThat(body.path("tickets")).hasSize(2);
        assertThat(body.path("tickets").get(0).path("pricePaid").asText()).isEqualTo("480.00");
        assertThat(body.path("tickets").get(0).path("status").asText()).isEqualTo("SOLD");
        assertThat(body.path("tickets").get(0).path("ticketType").asText()).isEqualTo("STANDARD");
        assertThat(sales.payments(order.order().id(), null)).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("960.00"));
    }

    @Test
    void listsOrdersNewestFirstFilteredAndPaged() {
        Customer customer = data.customer(MemberTier.NONE);
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 100);
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            data.order(customer, category, 1, now.minus(Duration.ofHours(5 - i)));
        }
        JsonNode page = api.get("amy", "/api/orders?customerId=" + customer.id() + "&size=2&page=1").hasStatus(200).tree();
        assertThat(page.path("totalItems").asInt()).isEqualTo(5);
        assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(2);
        JsonNode all = api.get("amy", "/api/orders?customerId=" + customer.id() + "&showId=" + show.id() + "&status=PAID&size=10")
                .hasStatus(200).tree().path("items");
        assertThat(all).hasSize(5);
        assertThat(Instant.parse(all.get(0).path("createdAt").asText().replace("+08:00", "+08:00")))
                .isAfter(Instant.parse(all.get(4).path("createdAt").asText()));
        assertThat(api.get("amy", "/api/orders?customerId=" + customer.id() + "&status=REFUNDED").tree()
                .path("totalItems").asInt()).isZero();
    }

    @Test
    void refusesAnUnknownStatusAndBadIds() {
        api.get("amy", "/api/orders?status=LOST").isProblem(400, "status");
        api.get("amy", "/api/orders?customerId=abc").isProblem(400, "customerId");
        api.get("amy", "/api/orders/12345678").isProblem(404);
    }
}
