package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.ticketops.cancellation.ShowCancellation;
import org.ticketops.cancellation.ShowCancellationService;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;
import org.ticketops.web.PageRequest;

/** The catalog, customer records and a show's cancellation over the API on MySQL/MariaDB. */
@MySqlTest
class MySqlCatalogTest {

    private static final String TEXT = "周杰伦 🎤 \"Encore\" 𠀀𠀁 <b>&amp;</b>";
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    Engine engine;
    @Autowired
    ShowCancellationService cancellations;
    @Autowired
    CaseService cases;
    @Autowired
    RefundService refunds;
    private final ObjectMapper json = new ObjectMapper();

    private ResponseEntity<String> call(HttpMethod method, String path, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "Tick3t-Ops!Strong");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body == null ? null : json.writeValueAsString(body), headers),
                String.class);
    }

    @Test
    void eventsShowsAndCustomersKeepTheirTextByteForByte() throws Exception {
        ResponseEntity<String> event = call(HttpMethod.POST, "/api/events", Map.of("name", TEXT, "kind", "EXHIBITION",
                "description", TEXT));
        assertThat(event.getStatusCode().value()).isEqualTo(201);
        long id = json.readTree(event.getBody()).path("id").asLong();
        JsonNode read = json.readTree(call(HttpMethod.GET, "/api/events/" + id, null).getBody());
        assertThat(read.path("name").asText()).isEqualTo(TEXT);
        assertThat(read.path("description").asText()).isEqualTo(TEXT);
        ResponseEntity<String> show = call(HttpMethod.POST, "/api/events/" + id + "/shows", Map.of("venue", TEXT,
                "startsAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).withNano(0).toString()));
        assertThat(show.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(show.getBody()).path("venue").asText()).isEqualTo(TEXT);

        ResponseEntity<String> customer = call(HttpMethod.POST, "/api/customers", Map.of("name", TEXT, "phone",
                TestData.phone(), "memberTier", "GOLD", "customerType", "INDIVIDUAL"));
        assertThat(customer.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(customer.getBody()).path("name").asText()).isEqualTo(TEXT);
    }

    @Test
    void tenConcurrentRegistrationsOfOnePhoneAcceptOneAndNameItToTheOthers() throws Exception {
        String phone = TestData.phone();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = TestData.unique("Same phone");
            answers.add(pool.submit((Callable<ResponseEntity<String>>) () -> {
                go.await();
                return call(HttpMethod.POST, "/api/customers", Map.of("name", name, "phone", phone,
                        "memberTier", "NONE", "customerType", "INDIVIDUAL"));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        long winner = 0;
        List<JsonNode> refusals = new ArrayList<>();
        for (Future<ResponseEntity<String>> answer : answers) {
            ResponseEntity<String> response = answer.get();
            statuses.add(response.getStatusCode().value());
            if (response.getStatusCode().value() == 201) {
                winner = json.readTree(response.getBody()).path("id").asLong();
            } else {
                refusals.add(json.readTree(response.getBody()));
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        long first = winner;
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.path("code").asText()).isEqualTo("CUSTOMER_EXISTS");
            assertThat(r.path("existingCustomerId").asLong()).isEqualTo(first);
        });
    }

    @Test
    void cancellingAShowRefundsItsPaidOrdersOnMySql() throws Exception {
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "580.00", 20);
        List<OrderDetails> orders = List.of(data.order(data.customer(MemberTier.NONE), category, 1),
                data.order(data.customer(MemberTier.SILVER), category, 2),
                data.order(data.customer(MemberTier.GOLD), category, 1));
        ResponseEntity<String> cancelled = call(HttpMethod.PATCH, "/api/shows/" + show.id(), Map.of("status", "CANCELLED"));
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(cancelled.getBody()).path("cancellation").path("ordersToRefund").asLong()).isEqualTo(3);
        ShowCancellation registered = cancellations.ofShow(show.id()).orElseThrow();
        engine.executeJobs(cases.get(registered.caseId()).processInstanceId());
        ShowCancellation done = cancellations.get(registered.id());
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.refundsStarted()).isEqualTo(3);
        for (OrderDetails order : orders) {
            assertThat(refunds.list(null, order.order().customerId(), new PageRequest(0, 5)).items())
                    .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo(RefundReason.EVENT_CANCELLED));
        }
    }
}
