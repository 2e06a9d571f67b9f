package org.ticketops.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
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
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The procurement API over HTTP: suppliers (procurement writes, managers read), a request's refusals as problem
 * details naming the field with nothing written, a request submitted and read back with its open step, a
 * withdrawal, and a start from the Tasklist start form that may carry only the form's own fields.
 */
@TicketOpsTest
class ProcurementApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestData data;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcurementService procurement;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    private Api api() {
        return new Api(rest);
    }

    private long supplier(String qualification, List<String> kinds) {
        Map<String, Object> body = new HashMap<>(Map.of("name", TestData.unique("Supplier"),
                "licenceNumber", "LIC-" + java.util.UUID.randomUUID().toString().substring(0, 8), "contact", "sales@s.example",
                "qualification", qualification, "qualifiedUntil", LocalDate.now().plusYears(1).toString(),
                "approvedFor", kinds.stream().map(k -> Map.of("eventKind", k, "validFrom", LocalDate.now().minusDays(1).toString(),
                        "validUntil", LocalDate.now().plusYears(1).toString())).toList()));
        return api().post("paul", "/api/suppliers", body).hasStatus(201).tree().path("supplier").path("id").asLong();
    }

    private TicketCategory category(EventKind kind, Duration fromNow) {
        Show show = data.show(catalog.createEvent(TestData.unique("Procured"), kind), fromNow);
        return data.category(show, TicketType.STANDARD, "300.00", 20);
    }

    private Map<String, Object> request(long supplier, TicketCategory category, Object quantity, String cost, String price) {
        Map<String, Object> body = new HashMap<>();
        body.put("supplierId", supplier);
        body.put("showId", category.showId());
        body.put("categoryId", category.id());
        body.put("quantity", quantity);
        body.put("unitCost", cost);
        body.put("plannedSalePrice", price);
        return body;
    }

    private long requests() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM to_procurement_requests", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM to_cases WHERE case_type = 'PROCUREMENT_REQUEST'", Long.class);
    }

    static List<org.ticketops.decision.Scenarios.Scenario> scenarios() {
        return org.ticketops.support.ShippedTable.scenarios(new ProcurementApprovalTable());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("scenarios")
    void theApprovalTableAnswersEveryScenarioOverHttp(org.ticketops.decision.Scenarios.Scenario scenario) {
        org.ticketops.support.ScenarioOverHttp.check(api(), "paul", "/api/decisions/procurement-approval/evaluate", scenario,
                ProcurementApprovalTable.NAME);
        api().post("paul", "/api/decisions/procurement-approval/evaluate", Map.of("total", "-5.00", "eventKind", "CONCERT",
                "supplierStanding", "GOOD", "marginPercent", "10")).isProblem(400, "total");
    }

    @Test
    void suppliersAreWrittenByProcurementAndReadByManagers() {
        long id = supplier("QUALIFIED", List.of("CONCERT"));
        JsonNode read = api().get("olivia", "/api/suppliers/" + id).hasStatus(200).tree();
        assertThat(read.path("supplier").path("qualification").asText()).isEqualTo("QUALIFIED");
        assertThat(read.path("approvedFor")).hasSize(1);
        assertThat(read.path("scorecard").path("standing").asText()).isEqualTo("GOOD");
        assertThat(api().get("fiona", "/api/suppliers/" + id + "/scorecard").hasStatus(200).tree().path("inspections").asInt()).isZero();
        String licence = read.path("supplier").path("licenceNumber").asText();

        assertThat(api().post("paul", "/api/suppliers", Map.of("name", "Again", "licenceNumber", licence, "contact", "x"))
                .isProblem(409).code()).isEqualTo("LICENCE_TAKEN");
        api().post("paul", "/api/suppliers", Map.of("licenceNumber", "L-1", "contact", "x")).isProblem(400, "name");
        api().post("paul", "/api/suppliers", Map.of("name", "Q", "licenceNumber", "L-2b", "contact", "x",
                "qualification", "QUALIFIED")).isProblem(400, "qualifiedUntil");
        api().post("olivia", "/api/suppliers", Map.of("name", "X", "licenceNumber", "L-3", "contact", "x")).hasStatus(403);
        api().get("amy", "/api/suppliers/" + id).hasStatus(403);

        JsonNode changed = api().patch("paul", "/api/suppliers/" + id, Map.of("qualification", "SUSPENDED")).hasStatus(200).tree();
        assertThat(changed.path("supplier").path("qualification").asText()).isEqualTo("SUSPENDED");
        assertThat(api().post("paul", "/api/suppliers/" + id + "/lift-block", Map.of("reason", "No block to lift here"))
                .isProblem(409).code()).isEqualTo("NOT_AT_THIS_STEP");
        api().get("paul", "/api/suppliers/999999").isProblem(404);
    }

    @Test
    void aRequestThatCannotBeMadeIsRefusedNamingTheFieldAndNothingIsWritten() {
        long supplier = supplier("QUALIFIED", List.of("CONCERT"));
        TicketCategory category = category(EventKind.CONCERT, Duration.ofDays(30));
        long before = requests();

        api().post("paul", "/api/procurement-requests", request(supplier, category, 0, "100.00", "150.00")).isProblem(400, "quantity");
        api().post("paul", "/api/procurement-requests", request(supplier, category, 10, "0.00", "150.00")).isProblem(400, "unitCost");
        api().post("paul", "/api/procurement-requests", request(999_999, category, 10, "100.00", "150.00")).isProblem(404);
        Map<String, Object> noCategory = request(supplier, category, 10, "100.00", "150.00");
        noCategory.remove("categoryId");
        api().post("paul", "/api/procurement-requests", noCategory).isProblem(400, "categoryId");
        assertThat(api().post("paul", "/api/procurement-requests", request(supplier, category(EventKind.SPORTS, Duration.ofDays(30)),
                10, "100.00", "150.00")).isProblem(422).code()).isEqualTo("SUPPLIER_NOT_APPROVED");
        assertThat(api().post("paul", "/api/procurement-requests", request(supplier, category(EventKind.CONCERT,
                Duration.ofMinutes(-30)), 10, "100.00", "150.00")).isProblem(422).code()).isEqualTo("SHOW_NOT_OPEN");
        Map<String, Object> belowCost = request(supplier, category, 10, "100.00", "80.00");
        belowCost.put("justification", "too short");
        api().post("paul", "/api/procurement-requests", belowCost).isProblem(400, "justification");
        api().post("olivia", "/api/procurement-requests", request(supplier, category, 10, "100.00", "150.00")).hasStatus(403);
        assertThat(requests()).isEqualTo(before);

        belowCost.put("justification", "Clearance of the last seats before the tour ends");
        JsonNode created = api().post("paul", "/api/procurement-requests", belowCost).hasStatus(201).tree();
        assertThat(created.path("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(created.path("request").path("approverGroups").asText()).isEqualTo("operations-manager,finance");
        assertThat(new java.math.BigDecimal(created.path("marginPercent").asText())).isEqualByComparingTo("-20.00");
    }

    @Test
    void aSubmittedRequestIsReadWithItsStepAndWithdrawnByItsRequester() {
        long supplier = supplier("QUALIFIED", List.of("CONCERT"));
        TicketCategory category = category(EventKind.CONCERT, Duration.ofDays(30));
        JsonNode created = api().post("paul", "/api/procurement-requests", request(supplier, category, 40, "120.00", "180.00"))
                .hasStatus(201).tree();
        long id = created.path("request").path("id").asLong();
        String number = created.path("request").path("requestNumber").asText();
        assertThat(number).matches("P-\\d{6}");
        JsonNode read = api().get("fiona", "/api/procurement-requests/" + id).hasStatus(200).tree();
        assertThat(new java.math.BigDecimal(read.path("request").path("total").asText())).isEqualByComparingTo("4800.00");
        assertThat(read.path("currentSteps").get(0).asText()).startsWith("Approve request · " + number);
        assertThat(read.path("approvals")).isEmpty();
        api().get("amy", "/api/procurement-requests/" + id).hasStatus(403);

        assertThat(api().post("paul", "/api/procurement-requests/" + id + "/withdraw", null).hasStatus(200).tree()
                .path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api().post("paul", "/api/procurement-requests/" + id + "/withdraw", null).isProblem(409).code())
                .isEqualTo("NOT_AT_THIS_STEP");
    }

    @Test
    void theTasklistStartFormCarriesOnlyItsFieldsAndTheRequesterIsTheLoggedInUser() {
        long supplier = supplier("QUALIFIED", List.of("THEATRE"));
        TicketCategory category = category(EventKind.THEATRE, Duration.ofDays(30));
        Map<String, Object> form = new HashMap<>(Map.of("supplierId", supplier, "showId", category.showId(),
                "newCategoryName", "Balcony", "newCategoryType", "VIP", "quantity", 30, "unitCost", "150.00",
                "plannedSalePrice", "260.00"));
        identity.setAuthentication("paul", List.of("procurement"));
        var instance = runtime.startProcessInstanceByKey(ProcurementCase.PROCESS_KEY, form);
        identity.clearAuthentication();
        String pid = instance.getId();
        ProcurementRequest started = procurement.request(Long.parseLong(instance.getBusinessKey().substring(2)));
        assertThat(started.requestedBy()).isEqualTo("paul");
        assertThat(started.newCategoryName()).isEqualTo("Balcony");
        assertThat(started.categoryId()).isNull();
        assertThat(runtime.getVariables(pid)).containsKey("requestId").doesNotContainKeys("unitCost", "supplierId");

        form.put("requestedBy", "gary");
        identity.setAuthentication("paul", List.of("procurement"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ProcurementCase.PROCESS_KEY, form))
                .hasMessageContaining("requestedBy");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstRequestAndAnotherBodyIsRefused() {
        long supplier = supplier("QUALIFIED", List.of("CONCERT"));
        TicketCategory category = category(EventKind.CONCERT, Duration.ofDays(30));
        long before = requests();
        String key = "procurement-" + System.nanoTime();
        long first = api().post("paul", "/api/procurement-requests", request(supplier, category, 10, "100.00", "150.00"),
                Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("request").path("id").asLong();
        assertThat(api().post("paul", "/api/procurement-requests", request(supplier, category, 10, "100.00", "150.00"),
                Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("request").path("id").asLong()).isEqualTo(first);
        assertThat(api().post("paul", "/api/procurement-requests", request(supplier, category, 12, "100.00", "150.00"),
                Map.of("Idempotency-Key", key)).isProblem(422).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        api().post("paul", "/api/procurement-requests", request(supplier, category, 10, "100.00", "150.00"),
                Map.of("Idempotency-Key", "k".repeat(101))).isProblem(400, "Idempotency-Key");
        assertThat(requests()).as("one row and one case").isEqualTo(before + 2);
    }
}
