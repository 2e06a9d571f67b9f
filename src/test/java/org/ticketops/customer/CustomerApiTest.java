package org.ticketops.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

@TicketOpsTest
class CustomerApiTest {

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
    void showsACustomer() {
        Customer customer = data.customer(MemberTier.PLATINUM, CustomerType.CORPORATE);
        JsonNode body = api.get("amy", "/api/customers/" + customer.id()).hasStatus(200).tree();
        assertThat(body.path("name").asText()).isEqualTo(customer.name());
        assertThat(body.path("memberTier").asText()).isEqualTo("PLATINUM");
        assertThat(body.path("customerType").asText()).isEqualTo("CORPORATE");
        assertThat(body.path("birthday").asText()).isEqualTo("1990-05-17");
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
    }

    @Test
    void findsCustomersByAPartOfTheirName() {
        Customer customer = data.customer(MemberTier.SILVER);
        String part = customer.name().substring(customer.name().length() - 8);
        JsonNode page = api.get("amy", "/api/customers?q=" + part).hasStatus(200).tree();
        assertThat(page.path("totalItems").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(customer.id());
    }

    @Test
    void refusesAnOutOfRangePageSize() {
        api.get("amy", "/api/customers?size=0").isProblem(400, "size");
        api.get("amy", "/api/customers?page=-1").isProblem(400, "page");
    }

    @Test
    void unknownCustomerIsA404() {
        api.get("amy", "/api/customers/99999999").isProblem(404);
    }

    @Test
    void customersArePersonalDataOutsideHrAndProcurement() {
        api.get("hanna", "/api/customers").isProblem(403);
        api.get("paul", "/api/customers").isProblem(403);
        api.get("fiona", "/api/customers").hasStatus(200);
    }
}
