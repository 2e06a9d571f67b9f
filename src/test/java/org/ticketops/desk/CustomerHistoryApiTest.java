package org.ticketops.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** A customer's record: orders, refunds and quotes in one list, newest first. */
@TicketOpsTest
class CustomerHistoryApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    RefundRegistration registration;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theHistoryListsOrdersRefundsAndQuotesNewestFirst() {
        Customer customer = data.customer(MemberTier.SILVER);
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "300.00", 10);
        api.post("sam", "/api/quotes", Map.of("customerId", customer.id(), "categoryId", category.id(), "quantity", 3))
                .hasStatus(200);
        JsonNode order = api.post("sam", "/api/orders", Map.of("customerId", customer.id(), "channel", "WEB",
                "lines", List.of(Map.of("categoryId", category.id(), "quantity", 2)), "payment", Map.of("method", "CASH")))
                .hasStatus(201).tree();
        long orderId = order.path("id").asLong();
        registration.open(new NewRefundRequest(orderId, List.of(order.path("tickets").get(0).path("id").asLong()),
                RefundRequestType.REFUND, RefundReason.CUSTOMER_CHOICE, null, null), "amy", null);

        JsonNode history = api.get("amy", "/api/customers/" + customer.id() + "/history").hasStatus(200).tree();
        assertThat(history.findValuesAsText("type")).containsExactly("REFUND_REQUEST", "ORDER", "QUOTE");
        assertThat(history.get(1).path("id").asLong()).isEqualTo(orderId);
        assertThat(history.get(1).path("amount").asText()).isEqualTo("588.00");
        assertThat(history.get(1).path("summary").asText()).contains("2 ticket(s)").contains("Web");
        assertThat(history.get(0).path("reference").asText()).startsWith("R-");
        assertThat(history.get(0).path("summary").asText()).isEqualTo("Refund of order " + orderId + " · Customer's choice"); // the glossary's label, as in task forms and the desk
        // the sale's own pricing is not a quote the customer was given
        assertThat(history.get(2).path("summary").asText()).startsWith("3 × Standard").contains("2 % off (MEMBER)");
        api.get("amy", "/api/customers/99999999/history").isProblem(404);
        api.get("amy", "/api/customers/" + customer.id() + "/history?limit=0").isProblem(400);
    }
}
