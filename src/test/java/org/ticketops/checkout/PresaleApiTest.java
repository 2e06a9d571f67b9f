package org.ticketops.checkout;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Presales: only eligible member tiers buy, each customer within the limit across orders, channels and parallel calls. */
@TicketOpsTest
class PresaleApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    Engine engine;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    private static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(fromNow).withNano(0).toString();
    }

    private Api.Response buy(Customer customer, TicketCategory category, int quantity, String channel) {
        return api.post("sam", "/api/orders", Map.of("customerId", customer.id(), "channel", channel,
                "lines", List.of(Map.of("categoryId", category.id(), "quantity", quantity)), "payment", Map.of("method", "CASH")));
    }

    @Test
    void duringAPresaleOnlyEligibleCustomersBuyAndEachWithinTheLimit() throws Exception {
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "300.00", 100);
        JsonNode presale = api.post("olivia", "/api/shows/" + show.id() + "/presales", Map.of("opensAt", at(Duration.ofMinutes(-1)),
                "closesAt", at(Duration.ofDays(2)), "eligibleTiers", List.of("GOLD", "PLATINUM"), "limitPerCustomer", 4))
                .hasStatus(201).tree();
        assertThat(presale.path("eligibleTiers").toString()).isEqualTo("[\"GOLD\",\"PLATINUM\"]");
        assertThat(api.get("sam", "/api/shows/" + show.id() + "/presales").hasStatus(200).tree()).hasSize(1);

        Customer silver = data.customer(MemberTier.SILVER);
        JsonNode notEligible = buy(silver, category, 1, "WEB").isProblem(422).tree();
        assertThat(notEligible.path("code").asText()).isEqualTo("PRESALE_NOT_ELIGIBLE");

        Customer gold = data.customer(MemberTier.GOLD);
        buy(gold, category, 3, "WEB").hasStatus(201);
        JsonNode limit = buy(gold, category, 2, "BOX_OFFICE").isProblem(422).tree();
        assertThat(limit.path("code").asText()).isEqualTo("PRESALE_LIMIT");
        assertThat(limit.path("limit").asInt()).isEqualTo(4);
        assertThat(limit.path("left").asInt()).isEqualTo(1);
        buy(gold, category, 1, "APP").hasStatus(201);
        assertThat(catalog.category(category.id()).available()).isEqualTo(96);

        // eight parallel orders of one customer: the limit of four holds
        Customer platinum = data.customer(MemberTier.PLATINUM);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return buy(platinum, category, 1, "WEB").status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(422);
        assertThat(catalog.category(category.id()).available()).isEqualTo(92);

        // after the presale everyone buys
        engine.advance(Duration.ofDays(2).plusMinutes(1));
        buy(silver, category, 5, "WEB").hasStatus(201);
    }

    @Test
    void aPresaleNeedsAWindowBeforeTheShowAndOnlyManagersSetOneUp() {
        Show show = data.show(data.event(), Duration.ofDays(10));
        String path = "/api/shows/" + show.id() + "/presales";
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(2)), "closesAt", at(Duration.ofDays(1)),
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 2)).isProblem(400, "closesAt");
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(1)), "closesAt", at(Duration.ofDays(11)),
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 2)).isProblem(400, "closesAt");
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(1)), "closesAt", at(Duration.ofDays(2)),
                "eligibleTiers", List.of(), "limitPerCustomer", 2)).isProblem(400, "eligibleTiers");
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(1)), "closesAt", at(Duration.ofDays(2)),
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 0)).isProblem(400, "limitPerCustomer");
        api.post("sam", path, Map.of("opensAt", at(Duration.ofDays(1)), "closesAt", at(Duration.ofDays(2)),
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 2)).isProblem(403);
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(1)), "closesAt", at(Duration.ofDays(3)),
                "eligibleTiers", List.of("GOLD"), "limitPerCustomer", 2)).hasStatus(201);
        api.post("olivia", path, Map.of("opensAt", at(Duration.ofDays(2)), "closesAt", at(Duration.ofDays(4)),
                "eligibleTiers", List.of("SILVER"), "limitPerCustomer", 2)).isProblem(400, "opensAt");
    }
}
