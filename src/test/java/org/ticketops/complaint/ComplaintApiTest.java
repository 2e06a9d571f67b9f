package org.ticketops.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * Complaints over HTTP: refusals naming the field with nothing written, the description kept byte for byte, the
 * show taken from the order, deadlines with the time left, the list's filters, the customer's reply, and the
 * Tasklist start form.
 */
@TicketOpsTest
class ComplaintApiTest {

    private static final String WORDS = "座位号重复 🎫 \"gate 3\" <script>alert(1)</script> & 𠀀";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ComplaintService complaints;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    private Api api() {
        return new Api(rest);
    }

    private Map<String, Object> body(Customer customer, Object orderId) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer.id(), "channel", "PHONE",
                "category", "TICKETING_ERROR", "severity", "HIGH", "description", WORDS));
        if (orderId != null) {
            body.put("orderId", orderId);
        }
        return body;
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM to_complaints", Long.class);
    }

    @Test
    void aComplaintIsRegisteredWithItsShowAndDeadlinesAndItsWordsByteForByte() {
        Customer customer = data.customer(MemberTier.NONE);
        Show show = data.show(data.event(), Duration.ofDays(10));
        TicketCategory category = data.category(show, TicketType.STANDARD, "280.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        long before = rows();
        api().post("amy", "/api/complaints", Map.of("customerId", customer.id(), "channel", "PHONE", "category", "OTHER",
                "severity", "LOW")).isProblem(400, "description");
        Map<String, Object> badSeverity = body(customer, null);
        badSeverity.put("severity", "APOCALYPTIC");
        api().post("amy", "/api/complaints", badSeverity).isProblem(400, "severity");
        api().post("amy", "/api/complaints", body(data.customer(MemberTier.NONE), order.order().id())).isProblem(400, "orderId");
        Map<String, Object> tooLong = body(customer, null);
        tooLong.put("description", "x".repeat(4001));
        api().post("amy", "/api/complaints", tooLong).isProblem(400, "description");
        api().post("sam", "/api/complaints", body(customer, null)).hasStatus(403);
        assertThat(rows()).isEqualTo(before);

        JsonNode created = api().post("amy", "/api/complaints", body(customer, order.order().id())).hasStatus(201).tree();
        long id = created.path("complaint").path("id").asLong();
        assertThat(created.path("complaint").path("description").asText()).isEqualTo(WORDS);
        assertThat(created.path("complaint").path("showId").asLong()).isEqualTo(show.id());
        assertThat(created.path("responsibleGroup").asText()).isEqualTo("ticket-sales");
        assertThat(created.path("firstResponseMinutesLeft").asLong()).isBetween(239L, 240L);
        assertThat(created.path("resolutionMinutesLeft").asLong()).isBetween(1439L, 1440L);
        assertThat(created.path("trail").get(0).path("toStatus").asText()).isEqualTo("OPEN");
        JsonNode history = api().get("amy", "/api/customers/" + customer.id() + "/history").hasStatus(200).tree();
        assertThat(history.findValuesAsText("type")).contains("COMPLAINT", "ORDER");

        JsonNode listed = api().get("olivia", "/api/complaints?status=OPEN&group=ticket-sales&breached=false").hasStatus(200).tree();
        assertThat(listed.findValuesAsText("id")).contains(String.valueOf(id));
        api().get("olivia", "/api/complaints?size=0").isProblem(400, "size");
        assertThat(api().post("amy", "/api/complaints/" + id + "/customer-reply", Map.of("reply", "hello")).isProblem(409).code())
                .isEqualTo("NOT_WAITING_FOR_CUSTOMER");
    }

    static List<org.ticketops.decision.Scenarios.Scenario> scenarios() {
        return org.ticketops.support.ShippedTable.scenarios(new ComplaintCompensationTable());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("scenarios")
    void theCompensationTableAnswersEveryScenarioOverHttp(org.ticketops.decision.Scenarios.Scenario scenario) {
        org.ticketops.support.ScenarioOverHttp.check(api(), "amy", "/api/decisions/complaint-compensation/evaluate", scenario,
                ComplaintCompensationTable.NAME);
    }

    @Test
    void theTasklistStartFormCarriesOnlyItsFields() {
        Customer customer = data.customer(MemberTier.GOLD);
        Map<String, Object> form = new HashMap<>(Map.of("customerId", customer.id(), "channel", "ON_SITE",
                "category", "EVENT_QUALITY", "severity", "CRITICAL", "description", WORDS));
        identity.setAuthentication("amy", List.of("customer-service"));
        var instance = runtime.startProcessInstanceByKey(ComplaintCase.PROCESS_KEY, form);
        identity.clearAuthentication();
        Complaint complaint = complaints.complaint(Long.parseLong(instance.getBusinessKey().substring(2)));
        assertThat(complaint.registeredBy()).isEqualTo("amy");
        assertThat(complaint.description()).isEqualTo(WORDS);
        assertThat(complaint.responsibleGroup()).isEqualTo("operations-manager");
        assertThat(runtime.getVariables(instance.getId())).containsKeys("complaintId", "resolutionDue")
                .doesNotContainKeys("description", "customerId");

        form.put("registeredBy", "gary");
        identity.setAuthentication("amy", List.of("customer-service"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ComplaintCase.PROCESS_KEY, form))
                .hasMessageContaining("registeredBy");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstComplaintAndAnotherBodyIsRefused() throws Exception {
        Customer customer = data.customer(MemberTier.NONE);
        long before = rows();
        String key = "complaint-" + System.nanoTime();
        long first = api().post("amy", "/api/complaints", body(customer, null), Map.of("Idempotency-Key", key))
                .hasStatus(201).tree().path("complaint").path("id").asLong();
        assertThat(api().post("amy", "/api/complaints", body(customer, null), Map.of("Idempotency-Key", key))
                .hasStatus(201).tree().path("complaint").path("id").asLong()).isEqualTo(first);
        assertThat(rows()).isEqualTo(before + 1);

        Map<String, Object> other = body(customer, null);
        other.put("severity", "LOW");
        assertThat(api().post("amy", "/api/complaints", other, Map.of("Idempotency-Key", key)).isProblem(422).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        api().post("amy", "/api/complaints", body(customer, null), Map.of("Idempotency-Key", " ")).isProblem(400, "Idempotency-Key");
        assertThat(rows()).isEqualTo(before + 1);
        // a key is the clerk's own: another clerk's call with the same key is another complaint
        assertThat(api().post("carl", "/api/complaints", body(customer, null), Map.of("Idempotency-Key", key))
                .hasStatus(201).tree().path("complaint").path("id").asLong()).isNotEqualTo(first);

        // retries sent at once: one registers, the others answer it
        String burst = "burst-" + System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> api().post("amy", "/api/complaints", body(customer, null),
                        Map.of("Idempotency-Key", burst))));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get().hasStatus(201).tree().path("complaint").path("id").asLong());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(rows()).isEqualTo(before + 3);
    }
}
