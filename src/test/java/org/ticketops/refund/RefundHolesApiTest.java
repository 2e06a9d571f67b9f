package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.decision.DecisionTableMapper;
import org.ticketops.sales.SalesService;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/**
 * Issue 7 over real HTTP: a process started through {@code /engine-rest} can't take over a rejected
 * request or name its requester; the four-eyes rule answers 403 with a code there too; an
 * Idempotency-Key is the user's and belongs to one body; decisions of API-started requests name their
 * process instance; every error is problem+json with a code.
 */
@TicketOpsTest
class RefundHolesApiTest {

    private static final String PATH = "/api/refund-requests";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RefundFixture fixture;
    @Autowired
    RefundService refunds;
    @Autowired
    SalesService sales;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    DecisionTableMapper decisionLog;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aRejectedRequestCanNotBeRevivedThroughTheEngineRestApi() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "1672.00", 2, 400);
        long id = api.post("carl", PATH, body(c.orderId(), c.ticketIds(), "TICKET_DEFECT")).hasStatus(201).tree().path("id").asLong();
        Task review = tasks.createTaskQuery().processInstanceId(refunds.request(id).processInstanceId()).singleResult();
        api.call("amy", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables", Map.of(
                "reviewDecision", Map.of("value", "REJECT"), "reviewComment", Map.of("value", "fraud suspicion"))), Map.of())
                .hasStatus(204);
        assertThat(refunds.request(id).status()).isEqualTo(RefundRequestStatus.REJECTED);

        var started = api.call("amy", HttpMethod.POST, "/engine-rest/process-definition/key/refundExchange/start",
                Map.of("variables", Map.of("requestId", Map.of("value", id, "type", "Long"))), Map.of());
        assertThat(started.status()).isEqualTo(400);
        assertThat(started.tree().path("message").asText()).contains("requestId");
        var named = api.call("amy", HttpMethod.POST, "/engine-rest/process-definition/key/refundExchange/start",
                Map.of("variables", Map.of("orderId", Map.of("value", c.orderId()), "ticketIds", Map.of("value",
                        String.valueOf(c.ticketIds().get(0))), "requestType", Map.of("value", "REFUND"),
                        "reason", Map.of("value", "CUSTOMER_CHOICE"), "requestedBy", Map.of("value", "carl"))), Map.of());
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.tree().path("message").asText()).contains("requestedBy");

        assertThat(refunds.request(id).status()).isEqualTo(RefundRequestStatus.REJECTED);
        assertThat(sales.payments(null, RefundService.reference(id))).isEmpty();
        assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isEqualTo(1);
    }

    @Test
    void aTasklistStartIsRegisteredForTheSignedInUser() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        var started = api.call("carl", HttpMethod.POST, "/engine-rest/process-definition/key/refundExchange/start",
                Map.of("variables", Map.of("orderId", Map.of("value", c.orderId()), "ticketIds", Map.of("value",
                        String.valueOf(c.ticketIds().get(0))), "requestType", Map.of("value", "REFUND"),
                        "reason", Map.of("value", "TICKET_DEFECT"), "note", Map.of("value", "# Pre-approved by finance"))),
                Map.of()).hasStatus(200);
        RefundRequest request = refunds.byProcessInstance(started.tree().path("id").asText()).orElseThrow();
        assertThat(request.requestedBy()).isEqualTo("carl");
        assertThat(request.note()).isEqualTo("# Pre-approved by finance");
    }

    @Test
    void textPeopleTypedShowsAsTextInTheReviewForm() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        String note = "ok\n# Pre-approved by finance\n![seen](http://evil.example/x.png) <img src=x onerror=alert(1)>";
        long id = api.post("amy", PATH, Map.of("orderId", c.orderId(), "ticketIds", c.ticketIds(), "type", "REFUND",
                "reason", "TICKET_DEFECT", "note", note)).hasStatus(201).tree().path("id").asLong();
        String pi = refunds.request(id).processInstanceId();
        String review = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
        String summary = (String) tasks.getVariable(review, "requestSummary");
        // every Markdown/HTML character is escaped and the text stays on one line: no heading, image or tag
        assertThat(summary).contains("\\# Pre\\-approved by finance").contains("\\!\\[seen\\]\\(http\\:")
                .contains("\\<img").doesNotContain("\n# ").doesNotContain("![").doesNotContain(" <img");
        // the note is the request's, not a process variable
        assertThat(runtime.getVariable(pi, "note")).isNull();
        assertThat(refunds.request(id).note()).isEqualTo(note);
    }

    @Test
    void theRequesterCanNotCompleteTheirOwnReviewOverTheEngineRestApi() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "3760.00", 1, 400);
        long id = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "CUSTOMER_CHOICE")).hasStatus(201).tree().path("id").asLong();
        Task review = tasks.createTaskQuery().processInstanceId(refunds.request(id).processInstanceId()).singleResult();
        var refused = api.call("amy", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.tree().path("code").asText()).isEqualTo("FOUR_EYES");
        assertThat(refused.tree().path("message").asText()).contains("four-eyes");
        assertThat(refunds.request(id).status()).isEqualTo(RefundRequestStatus.AWAITING_REVIEW);

        api.call("carl", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))), Map.of()).hasStatus(204);
    }

    @Test
    void anIdempotencyKeyIsTheUsersAndBelongsToOneBody() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "280.00", 2, 300);
        String key = TestData.unique("key").replace(' ', '-');
        long first = api.post("amy", PATH, body(c.orderId(), List.of(c.ticketIds().get(0)), "CUSTOMER_CHOICE"),
                Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        var reused = api.post("amy", PATH, body(c.orderId(), List.of(c.ticketIds().get(1)), "CUSTOMER_CHOICE"),
                Map.of("Idempotency-Key", key)).isProblem(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the same key from another user is that user's own
        long carls = api.post("carl", PATH, body(c.orderId(), List.of(c.ticketIds().get(1)), "CUSTOMER_CHOICE"),
                Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        assertThat(carls).isNotEqualTo(first);
        assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isEqualTo(2);
    }

    @Test
    void twentyConcurrentRetriesWithOneKeyAllAnswerTheFirstRequest() throws Exception {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        String key = TestData.unique("burst").replace(' ', '-');
        Map<String, Object> body = body(c.orderId(), c.ticketIds(), "CUSTOMER_CHOICE");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit((Callable<Api.Response>) () -> {
                start.await();
                return api.post("amy", PATH, body, Map.of("Idempotency-Key", key));
            }));
        }
        start.countDown();
        List<Long> ids = new ArrayList<>();
        for (Future<Api.Response> f : results) {
            Api.Response response = f.get();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            ids.add(response.tree().path("id").asLong());
        }
        pool.shutdown();
        assertThat(ids).hasSize(20).containsOnly(ids.get(0));
        assertThat(refunds.list(null, c.customer().id(), new PageRequest(0, 10)).totalItems()).isEqualTo(1);
    }

    @Test
    void theDecisionLogNamesTheProcessInstanceOfAnApiStartedRequest() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 300);
        JsonNode created = api.post("amy", PATH, body(c.orderId(), c.ticketIds(), "CUSTOMER_CHOICE")).hasStatus(201).tree();
        String processInstanceId = refunds.request(created.path("id").asLong()).processInstanceId();
        assertThat(processInstanceId).isNotNull();
        assertThat(decisionLog.countForProcessInstance(processInstanceId)).isGreaterThanOrEqualTo(1);
        assertThat(decisionLog.countForSubjectWithoutProcessInstance("REFUND_REQUEST", created.path("id").asText())).isZero();
    }

    @Test
    void everyErrorIsProblemJsonWithACode() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("amy", "amy");
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> unsupported = rest.exchange(PATH, HttpMethod.POST, new HttpEntity<>("hello", headers), String.class);
        assertThat(unsupported.getStatusCode().value()).isEqualTo(415);
        assertThat(unsupported.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unsupported.getBody()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");

        // refused by Tomcat before any servlet runs
        HttpHeaders big = new HttpHeaders();
        big.setBasicAuth("amy", "amy");
        big.add("X-Padding", "x".repeat(20_000));
        ResponseEntity<String> tooLarge = rest.exchange("/api/shows", HttpMethod.GET, new HttpEntity<>(big), String.class);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLarge.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(tooLarge.getBody()).contains("\"code\":\"REQUEST_HEADER_TOO_LARGE\"").doesNotContain("Tomcat");

    }

    private static Map<String, Object> body(long orderId, List<Long> ticketIds, String reason) {
        return Map.of("orderId", orderId, "ticketIds", ticketIds, "type", "REFUND", "reason", reason);
    }
}
