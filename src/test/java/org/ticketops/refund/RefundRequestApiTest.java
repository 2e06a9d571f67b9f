package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/** The refund-request API: registering, reading, listing, paying and withdrawing, and every refusal. */
@TicketOpsTest
class RefundRequestApiTest {

    private static final String PATH = "/api/refund-requests";
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RefundFixture fixture;
    @Autowired
    TestData data;
    @Autowired
    RefundService refunds;
    @Autowired
    Engine engine;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void registersARequestAndAnswersWithTheFeesAlreadyDecided() {
        var c = fixture.order(MemberTier.SILVER, TicketType.STANDARD, "480.00", 2, 100);
        var response = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null))
                .hasStatus(201);
        JsonNode created = response.tree();
        assertThat(response.headers().getLocation()).hasPath(PATH + "/" + created.path("id").asLong());
        assertThat(created.path("processInstanceId").asText()).isNotBlank();
        assertThat(created.path("status").asText()).isEqualTo("OPEN");
        assertThat(created.path("feeLines")).hasSize(2);
        JsonNode line = created.path("feeLines").get(0);
        assertThat(line.path("feePercent").asInt()).isEqualTo(20);
        assertThat(line.path("fee").asText()).isEqualTo("96.00");
        assertThat(line.path("refundAmount").asText()).isEqualTo("384.00");
        assertThat(line.path("tableVersion").asInt()).isPositive();
        assertThat(created.path("totalFee").asText()).isEqualTo("192.00");
        assertThat(created.path("totalRefund").asText()).isEqualTo("768.00");
        assertThat(created.path("trail").findValuesAsText("action")).containsExactly("REQUESTED", "EVALUATED");
        // the request links to the decisions taken for it
        JsonNode decisions = api.get("amy", created.path("decisionLog").asText()).hasStatus(200).tree();
        assertThat(decisions.findValuesAsText("table")).contains("refund-fees", "refund-review");

        engine.executeJobs(created.path("processInstanceId").asText());
        JsonNode done = api.get("sam", PATH + "/" + created.path("id").asLong()).hasStatus(200).tree();
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("closedAt").asText()).endsWith("+08:00");
        assertThat(done.path("payments")).hasSize(1);
        assertThat(done.path("creditNote").path("amount").asText()).isEqualTo("768.00");
        assertThat(done.path("trail").findValuesAsText("action")).contains("REFUND_PAID", "TICKETS_REFUNDED",
                "CREDIT_NOTE_ISSUED", "NOTIFICATION_QUEUED", "COMPLETED");
    }

    @Test
    void theClerkWhoStartedARequestReadsItsNumberAndOutcomeAndNobodyElseDoes() {
        var c = fixture.order(MemberTier.SILVER, TicketType.STANDARD, "480.00", 1, 100);
        JsonNode created = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "TICKET_DEFECT", null))
                .hasStatus(201).tree();
        String started = "/api/cases/started/" + created.path("processInstanceId").asText();
        JsonNode outcome = api.get("amy", started).hasStatus(200).tree();
        String number = String.format("R-%06d", created.path("id").asLong());
        assertThat(outcome.path("businessKey").asText()).isEqualTo(number);
        assertThat(outcome.path("status").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(outcome.path("outcome").asText()).startsWith(number + ": refund CNY 480.00 after fees of CNY 0.00.")
                .contains("Waits for a review (due ");
        // another clerk, even of the same group, does not learn about it here; neither does anyone without log-in
        api.get("sam", started).isProblem(404);
        assertThat(api.get(null, started).status()).isEqualTo(401);
        api.get("amy", "/api/cases/started/no-such-instance").isProblem(404);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstRequestOnARetry() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "280.00", 1, 300);
        String key = TestData.unique("retry").replace(' ', '-');
        Map<String, Object> body = body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null);
        long first = api.post("amy", PATH, body, Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        long second = api.post("amy", PATH, body, Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isEqualTo(1);
    }

    @Test
    void refusesUnknownOrdersAndTickets() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        api.post("amy", PATH, body(99999999L, c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(404);
        api.post("amy", PATH, body(c.orderId(), List.of(99999999L), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(404);
        assertNothingRegistered(c);
    }

    @Test
    void refusesATicketOfAnotherOrderOrOneAlreadyInARequest() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        var other = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        assertThat(api.post("amy", PATH, body(c.orderId(), other.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null))
                .isProblem(409).code()).isEqualTo("TICKET_NOT_IN_ORDER");

        var inReview = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "TICKET_DEFECT", null)).hasStatus(201);
        assertThat(inReview.tree().path("status").asText()).isEqualTo("AWAITING_REVIEW");
        var again = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(409);
        assertThat(again.code()).isEqualTo("TICKET_ALREADY_IN_REQUEST");
        assertThat(again.tree().path("requestId").asLong()).isEqualTo(inReview.tree().path("id").asLong());
    }

    @Test
    void refusesATicketThatIsNoLongerSold() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        var done = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).hasStatus(201);
        engine.executeJobs(done.tree().path("processInstanceId").asText());
        assertThat(api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null))
                .isProblem(409).code()).isEqualTo("TICKET_NOT_SOLD");
    }

    @Test
    void refusesExchangeTargetsOfAnotherEventAPastShowOrTheSameShow() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        TicketCategory otherEvent = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "280.00", 5);
        TicketCategory past = data.category(data.show(c.event(), Duration.ofDays(-1)), TicketType.STANDARD, "280.00", 5);
        TicketCategory sameShow = data.category(c.show(), TicketType.VIP, "880.00", 5);
        assertThat(api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", otherEvent.id()))
                .isProblem(422).code()).isEqualTo("EXCHANGE_TARGET_OTHER_EVENT");
        assertThat(api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", past.id()))
                .isProblem(422).code()).isEqualTo("EXCHANGE_TARGET_PAST_SHOW");
        assertThat(api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", sameShow.id()))
                .isProblem(422).code()).isEqualTo("EXCHANGE_TARGET_SAME_SHOW");
        api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", null))
                .isProblem(400, "targetCategoryId");
        api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", sameShow.id()))
                .isProblem(400, "targetCategoryId");
        api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", 99999999L)).isProblem(404);
        assertNothingRegistered(c);
    }

    @Test
    void refusesBadInputNamingTheField() {
        api.post("amy", PATH, Map.of("orderId", 1, "ticketIds", List.of(), "type", "REFUND", "reason", "CUSTOMER_CHOICE"))
                .isProblem(400, "ticketIds");
        api.post("amy", PATH, Map.of("orderId", 1, "ticketIds", List.of(1), "type", "SWAP", "reason", "CUSTOMER_CHOICE"))
                .isProblem(400, "type");
        api.post("amy", PATH, Map.of("orderId", -4, "ticketIds", List.of(1), "type", "REFUND", "reason", "CUSTOMER_CHOICE"))
                .isProblem(400, "orderId");
        api.post("amy", PATH, Map.of("ticketIds", List.of(1), "type", "REFUND")).isProblem(400, "orderId", "reason");
        api.post("amy", PATH, Map.of("orderId", 1, "ticketIds", List.of("x"), "type", "REFUND", "reason", "CUSTOMER_CHOICE"))
                .isProblem(400, "ticketIds[0]");
        api.post("amy", PATH, Map.of("orderId", 1, "ticketIds", List.of(1, 1), "type", "REFUND", "reason", "CUSTOMER_CHOICE"))
                .isProblem(400, "ticketIds");
    }

    @Test
    void onlyTheFrontDeskRegistersRequests() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        api.post("fiona", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(403);
        api.post("hanna", PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(403);
        api.post(null, PATH, body(c.orderId(), c.ticketIds(), "REFUND", "CUSTOMER_CHOICE", null)).isProblem(401);
        assertNothingRegistered(c);
    }

    @Test
    void twoConcurrentRequestsForOneTicketAcceptExactlyOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
            Map<String, Object> body = body(c.orderId(), c.ticketIds(), "REFUND", "TICKET_DEFECT", null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String user = i % 2 == 0 ? "amy" : "carl";
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return api.post(user, PATH, body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).as("statuses of round %d", round).containsOnlyOnce(201).containsOnly(201, 409);
            assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isEqualTo(1);
        }
    }

    @Test
    void anExchangePaymentAndAWithdrawalOverTheApi() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.VIP, "880.00", 5);
        JsonNode waiting = api.post("sam", PATH, body(c.orderId(), c.ticketIds(), "EXCHANGE", "CUSTOMER_CHOICE", target.id()))
                .hasStatus(201).tree();
        long id = waiting.path("id").asLong();
        assertThat(waiting.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(waiting.path("amountDue").asText()).isEqualTo("400.00");
        api.post("amy", PATH + "/" + id + "/payment", Map.of("amount", "-1", "method", "CARD")).isProblem(400, "amount");
        api.post("amy", PATH + "/" + id + "/payment", Map.of("amount", "399.00", "method", "CARD")).isProblem(422);
        JsonNode paid = api.post("fiona", PATH + "/" + id + "/payment", Map.of("amount", "400.00", "method", "CARD"))
                .hasStatus(200).tree();
        assertThat(paid.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(api.post("amy", PATH + "/" + id + "/withdraw", Map.of()).isProblem(409).code())
                .isEqualTo("REQUEST_NOT_WITHDRAWABLE");

        var d = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 400);
        long review = api.post("amy", PATH, body(d.orderId(), d.ticketIds(), "REFUND", "TICKET_DEFECT", null))
                .hasStatus(201).tree().path("id").asLong();
        JsonNode withdrawn = api.post("amy", PATH + "/" + review + "/withdraw", Map.of("reason", "customer kept the tickets"))
                .hasStatus(200).tree();
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.post("amy", PATH + "/" + review + "/payment", Map.of("amount", "1.00", "method", "CARD"))
                .isProblem(409).code()).isEqualTo("PAYMENT_NOT_EXPECTED");
        api.post("amy", PATH + "/424242424/withdraw", Map.of()).isProblem(404);
    }

    @Test
    void listsRequestsNewestFirstByStatusAndCustomer() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 3, 300);
        long first = api.post("amy", PATH, body(c.orderId(), List.of(c.ticketIds().get(0)), "REFUND", "TICKET_DEFECT", null))
                .hasStatus(201).tree().path("id").asLong();
        long second = api.post("amy", PATH, body(c.orderId(), List.of(c.ticketIds().get(1)), "REFUND", "TICKET_DEFECT", null))
                .hasStatus(201).tree().path("id").asLong();
        JsonNode page = api.get("amy", PATH + "?customerId=" + c.customer().id() + "&status=AWAITING_REVIEW").hasStatus(200).tree();
        assertThat(page.path("totalItems").asInt()).isEqualTo(2);
        assertThat(page.path("items").findValuesAsText("id")).containsExactly(String.valueOf(second), String.valueOf(first));
        api.get("amy", PATH + "?status=DONE").isProblem(400, "status");
        api.get("amy", PATH + "/77777777").isProblem(404);
    }

    private void assertNothingRegistered(RefundFixture.Case c) {
        assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isZero();
    }

    private static Map<String, Object> body(long orderId, List<Long> ticketIds, String type, String reason, Long target) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderId", orderId);
        body.put("ticketIds", ticketIds);
        body.put("type", type);
        body.put("reason", reason);
        if (target != null) {
            body.put("targetCategoryId", target);
        }
        return body;
    }
}
