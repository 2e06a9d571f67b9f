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
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/** Selling under concurrency on MySQL/MariaDB: gapless invoice numbers, a presale's limit, seats never below zero. */
@MySqlTest
class MySqlSalesTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    BillingService billing;
    @Autowired
    CatalogService catalog;
    private final ObjectMapper json = new ObjectMapper();

    private ResponseEntity<String> post(String path, Object body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "Tick3t-Ops!Strong");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    }

    private static Map<String, Object> order(Customer customer, TicketCategory category, int quantity) {
        return Map.of("customerId", customer.id(), "channel", "WEB", "lines",
                List.of(Map.of("categoryId", category.id(), "quantity", quantity)), "payment", Map.of("method", "CASH"));
    }

    private List<ResponseEntity<String>> parallel(List<Map<String, Object>> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> calls = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            calls.add(pool.submit((Callable<ResponseEntity<String>>) () -> {
                go.await();
                return post("/api/orders", body);
            }));
        }
        go.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> call : calls) {
            answers.add(call.get());
        }
        pool.shutdown();
        return answers;
    }

    @Test
    void parallelOrdersGetGaplessInvoiceNumbersAndNeverOversell() throws Exception {
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "100.00", 6);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(order(data.customer(MemberTier.NONE), category, 1));
        }
        List<Integer> numbers = new ArrayList<>();
        int sold = 0;
        for (ResponseEntity<String> answer : parallel(bodies)) {
            if (answer.getStatusCode().value() == 201) {
                sold++;
                long id = json.readTree(answer.getBody()).path("id").asLong();
                numbers.add(Integer.parseInt(billing.invoiceOfOrder(id).orElseThrow().number().substring(13)));
            } else {
                assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("NOT_ENOUGH_TICKETS");
            }
        }
        assertThat(sold).isEqualTo(6);
        assertThat(catalog.category(category.id()).available()).isZero();
        numbers.sort(null);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(5);
    }

    @Test
    void aPresaleLimitHoldsForParallelOrdersOfOneCustomer() throws Exception {
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 50);
        String opens = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0).toString();
        String closes = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
        assertThat(post("/api/shows/" + show.id() + "/presales", Map.of("opensAt", opens, "closesAt", closes,
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 3)).getStatusCode().value()).isEqualTo(201);
        Customer gold = data.customer(MemberTier.GOLD);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(order(gold, category, 1));
        }
        List<ResponseEntity<String>> answers = parallel(bodies);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 201).hasSize(3);
        for (ResponseEntity<String> refused : answers.stream().filter(a -> a.getStatusCode().value() != 201).toList()) {
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.path("code").asText()).isEqualTo("PRESALE_LIMIT");
        }
        assertThat(catalog.category(category.id()).available()).isEqualTo(47);
    }
}
