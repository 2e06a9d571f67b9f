package org.ticketops.pricechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.decision.Scenarios;
import org.ticketops.support.Api;
import org.ticketops.support.ScenarioOverHttp;
import org.ticketops.support.ShippedTable;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * Price changes over HTTP: refusals as problem details naming the field with nothing written, one open change per
 * category (409 naming it), a sold category's price never changed by PATCH (409 pointing here), the announcement on
 * the show, withdrawal, the approval table's scenarios, and the Tasklist start form.
 */
@TicketOpsTest
class PriceChangeApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    PriceChangeService changes;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    private Api api() {
        return new Api(rest);
    }

    private TicketCategory category() {
        Show show = data.show(data.event(), Duration.ofDays(10));
        return data.category(show, TicketType.STANDARD, "300.00", 20);
    }

    private Map<String, Object> body(TicketCategory category, String price, OffsetDateTime at) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryId", category.id());
        body.put("newPrice", price);
        body.put("reason", "MARKET");
        body.put("effectiveAt", at.toString());
        body.put("justification", "Demand far above the plan");
        return body;
    }

    private OffsetDateTime in(Duration ahead) {
        return clock.instant().plus(ahead).atOffset(ZoneOffset.ofHours(8)).withNano(0);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM to_price_changes", Long.class);
    }

    static List<Scenarios.Scenario> scenarios() {
        return ShippedTable.scenarios(new PriceChangeApprovalTable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theApprovalTableAnswersEveryScenarioOverHttp(Scenarios.Scenario scenario) {
        ScenarioOverHttp.check(api(), "sam", "/api/decisions/price-change-approval/evaluate", scenario, PriceChangeApprovalTable.NAME);
    }

    @Test
    void aChangeThatCannotBeMadeIsRefusedNamingTheFieldAndNothingIsWritten() {
        TicketCategory category = category();
        long before = rows();
        api().post("sam", "/api/price-changes", body(category, "320.00", in(Duration.ofHours(2)))).isProblem(400, "effectiveAt");
        api().post("sam", "/api/price-changes", body(category, "320.00", in(Duration.ofDays(11)))).isProblem(400, "effectiveAt");
        api().post("sam", "/api/price-changes", body(category, "300.00", in(Duration.ofDays(2)))).isProblem(400, "newPrice");
        api().post("sam", "/api/price-changes", body(category, "-1.00", in(Duration.ofDays(2)))).isProblem(400, "newPrice");
        Map<String, Object> noReason = body(category, "320.00", in(Duration.ofDays(2)));
        noReason.put("reason", "WHIM");
        api().post("sam", "/api/price-changes", noReason).isProblem(400, "reason");
        Map<String, Object> shortWhy = body(category, "320.00", in(Duration.ofDays(2)));
        shortWhy.put("justification", "why");
        api().post("sam", "/api/price-changes", shortWhy).isProblem(400, "justification");
        api().post("amy", "/api/price-changes", body(category, "320.00", in(Duration.ofDays(2)))).hasStatus(403);
        assertThat(rows()).isEqualTo(before);

        JsonNode created = api().post("sam", "/api/price-changes", body(category, "320.00", in(Duration.ofDays(2))))
                .hasStatus(201).tree();
        assertThat(created.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(created.path("change").path("changeNumber").asText()).matches("PC-\\d{6}");
        assertThat(created.path("currentSteps").get(0).asText()).startsWith("Approve price change · PC-");
        JsonNode again = api().post("sam", "/api/price-changes", body(category, "330.00", in(Duration.ofDays(3))))
                .isProblem(409).tree();
        assertThat(again.path("code").asText()).isEqualTo("PRICE_CHANGE_OPEN");
        assertThat(again.path("openPriceChangeId").asLong()).isEqualTo(created.path("change").path("id").asLong());
        assertThat(rows()).isEqualTo(before + 1);

        long id = created.path("change").path("id").asLong();
        JsonNode read = api().get("fiona", "/api/price-changes/" + id).hasStatus(200).tree();
        assertThat(new java.math.BigDecimal(read.path("change").path("impact").path("changePercent").asText()))
                .isEqualByComparingTo("6.67");
        api().get("amy", "/api/price-changes/" + id).hasStatus(403);
        assertThat(api().post("olivia", "/api/price-changes/" + id + "/withdraw", null).hasStatus(403).tree().path("code").asText())
                .isIn("NOT_THE_REQUESTER", "FORBIDDEN");
        assertThat(api().post("sam", "/api/price-changes/" + id + "/withdraw", null).hasStatus(200).tree().path("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aSoldCategorysPriceIsNotChangedByPatchButAnnouncedOnTheShow() {
        TicketCategory category = category();
        data.order(data.customer(MemberTier.NONE), category, 1);
        JsonNode refused = api().patch("olivia", "/api/categories/" + category.id(), Map.of("price", "350.00")).isProblem(409).tree();
        assertThat(refused.path("code").asText()).isEqualTo("PRICE_CHANGE_NEEDS_REVIEW");
        assertThat(refused.path("detail").asText()).contains("POST /api/price-changes");

        long id = api().post("sam", "/api/price-changes", body(category, "320.00", in(Duration.ofDays(2)))).hasStatus(201)
                .tree().path("change").path("id").asLong();
        var task = engineTask(id);
        identity.setAuthentication("olivia", List.of("operations-manager"));
        taskService.claim(task.getId(), "olivia");
        taskService.complete(task.getId(), Map.of("approvalDecision", "APPROVE", "approvalComment", "Agreed in the pricing meeting"));
        identity.clearAuthentication();
        JsonNode show = api().get("sam", "/api/shows/" + category.showId()).hasStatus(200).tree();
        assertThat(show.path("priceAnnouncements")).hasSize(1);
        assertThat(show.path("priceAnnouncements").get(0).path("newPrice").asText()).isEqualTo("320.00");
        assertThat(show.path("priceAnnouncements").get(0).path("withdrawn").asBoolean()).isFalse();
    }

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    private org.camunda.bpm.engine.task.Task engineTask(long id) {
        return taskService.createTaskQuery().processInstanceId(changes.change(id).processInstanceId()).singleResult();
    }

    @Test
    void theTasklistStartFormCarriesOnlyItsFields() {
        TicketCategory category = category();
        Map<String, Object> form = new HashMap<>(Map.of("categoryId", category.id(), "newPrice", "280.00",
                "reason", "COMPETITOR", "effectiveAt", in(Duration.ofDays(2)).toString(),
                "justification", "The hall next door sells for less"));
        identity.setAuthentication("sam", List.of("ticket-sales"));
        var instance = runtime.startProcessInstanceByKey(PriceChangeCase.PROCESS_KEY, form);
        identity.clearAuthentication();
        PriceChange started = changes.change(Long.parseLong(instance.getBusinessKey().substring(3)));
        assertThat(started.requestedBy()).isEqualTo("sam");
        assertThat(started.newPrice()).isEqualByComparingTo("280.00");
        assertThat(runtime.getVariables(instance.getId())).containsKeys("priceChangeId", "effectiveAt")
                .doesNotContainKeys("newPrice", "justification");
        changes.withdraw(started.id(), "sam");

        form.put("requestedBy", "gary");
        identity.setAuthentication("sam", List.of("ticket-sales"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PriceChangeCase.PROCESS_KEY, form))
                .hasMessageContaining("requestedBy");
    }
}
