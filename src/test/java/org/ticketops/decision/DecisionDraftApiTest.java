package org.ticketops.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Drafts of a decision table: rows as JSON, never in force, checked with scenarios and a replay, activated once. */
@TicketOpsTest
class DecisionDraftApiTest {

    private static final String PATH = "/api/decision-tables/refund-fees";
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    RefundRegistration registration;
    @Autowired
    DecisionService decisions;
    @Autowired
    DecisionDrafts drafts;
    private final ObjectMapper json = new ObjectMapper();
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    private int inForce() {
        return decisions.activeVersion("refund-fees").version();
    }

    private List<Map<String, Object>> rows(JsonNode view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        view.path("rows").forEach(r -> rows.add(json.convertValue(r, Map.class)));
        return rows;
    }

    /** Every fee percent of the table one point higher: a change every scenario with a fee notices. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> feesPlusOne(JsonNode view) {
        String feeColumn = null;
        for (JsonNode c : view.path("columns")) {
            if (c.path("kind").asText().equals("action") && c.path("label").asText().toLowerCase().contains("fee")
                    && c.path("label").asText().contains("%")) {
                feeColumn = c.path("letter").asText();
            }
        }
        assertThat(feeColumn).as("a fee-percent column among %s", view.path("columns")).isNotNull();
        List<Map<String, Object>> rows = rows(view);
        for (Map<String, Object> row : rows) {
            Map<String, Object> cells = (Map<String, Object>) row.get("cells");
            Object fee = cells.get(feeColumn);
            if (fee != null && fee.toString().matches("\\d+")) {
                cells.put(feeColumn, String.valueOf(Integer.parseInt(fee.toString()) + 1));
            }
        }
        return rows;
    }

    @Test
    void aDraftIsNeverInForceAndItsCheckShowsScenariosAndTheReplay() throws Exception {
        var customer = data.customer(MemberTier.NONE);
        var category = data.category(data.show(data.event(), Duration.ofDays(40)), TicketType.STANDARD, "500.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        registration.open(new NewRefundRequest(order.order().id(), List.of(order.tickets().get(0).id()),
                RefundRequestType.REFUND, RefundReason.CUSTOMER_CHOICE, null, null), "amy", null);

        int version = inForce();
        JsonNode view = api.get("fiona", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        assertThat(view.path("columns").findValuesAsText("label")).isNotEmpty().noneMatch(l -> l.contains("$param"));
        assertThat(view.path("rows")).isNotEmpty();

        JsonNode draft = api.post("olivia", PATH + "/drafts", Map.of("rows", feesPlusOne(view), "comment", "fees up a point"))
                .hasStatus(201).tree();
        long id = draft.path("id").asLong();
        assertThat(draft.path("basedOn").asInt()).isEqualTo(version);
        assertThat(inForce()).as("a draft is never in force").isEqualTo(version);

        JsonNode report = api.post("olivia", PATH + "/drafts/" + id + "/check", null).hasStatus(200).tree();
        assertThat(report.path("compiles").asBoolean()).isTrue();
        assertThat(report.path("scenariosFailed").asInt()).isPositive();
        assertThat(report.path("activatable").asBoolean()).isFalse();
        JsonNode replay = report.path("replay");
        assertThat(replay.path("decisions").asInt()).isPositive();
        assertThat(replay.path("changed").asInt()).isPositive();
        assertThat(new java.math.BigDecimal(replay.path("moneyChange").path("fee").asText())).isPositive();
        assertThat(replay.path("changedCases").get(0).path("input").path("reason").asText()).isNotBlank();

        // keep a replayed decision as a scenario: its input, with what the draft decides as the expected result
        JsonNode keptInput = replay.path("changedCases").get(0).path("input");
        int line = api.post("olivia", PATH + "/drafts/" + id + "/scenarios", Map.of("name", "kept from the replay",
                "input", json.convertValue(keptInput, Map.class))).hasStatus(200).tree().path("line").asInt();
        JsonNode again = api.post("olivia", PATH + "/drafts/" + id + "/check", null).hasStatus(200).tree();
        assertThat(again.path("scenarios").size()).isEqualTo(report.path("scenarios").size() + 1);
        assertThat(again.path("scenarios")).anySatisfy(sc -> {
            assertThat(sc.path("name").asText()).isEqualTo("kept from the replay");
            assertThat(sc.path("actual")).isEqualTo(sc.path("expected"));
        });
        assertThat(line).isPositive();
        api.post("olivia", PATH + "/drafts/" + id + "/scenarios", Map.of("input", Map.of("reason", "NONSENSE"))).isProblem(400);

        assertThat(api.post("olivia", PATH + "/drafts/" + id + "/activate", Map.of("comment", "try")).isProblem(422).code())
                .isEqualTo("SCENARIOS_FAILED");
        assertThat(inForce()).isEqualTo(version);
        api.call("olivia", HttpMethod.DELETE, PATH + "/drafts/" + id, null, Map.of()).hasStatus(204);
        api.get("olivia", PATH + "/drafts/" + id).isProblem(404);
    }

    @Test
    void anUnchangedDraftActivatesAsTheNextVersionAndAnotherDraftOfTheSameBaseIsThenStale() {
        int version = inForce();
        JsonNode view = api.get("olivia", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        long first = api.post("olivia", PATH + "/drafts", Map.of("rows", rows(view))).hasStatus(201).tree().path("id").asLong();
        long second = api.post("gary", PATH + "/drafts", Map.of("rows", rows(view))).hasStatus(201).tree().path("id").asLong();
        api.post("olivia", PATH + "/drafts/" + first + "/activate", Map.of()).isProblem(400, "comment");
        JsonNode activated = api.post("olivia", PATH + "/drafts/" + first + "/activate", Map.of("comment", "same terms, re-issued"))
                .hasStatus(200).tree();
        assertThat(activated.path("version").asInt()).isEqualTo(version + 1);
        assertThat(inForce()).isEqualTo(version + 1);
        assertThat(api.post("gary", PATH + "/drafts/" + second + "/activate", Map.of("comment", "mine")).isProblem(409).code())
                .isEqualTo("DRAFT_STALE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void codeOrUnknownColumnsInRowsAreRefusedAndReadersCannotDraft() {
        int version = inForce();
        int draftsBefore = api.get("olivia", PATH + "/drafts").hasStatus(200).tree().size();
        JsonNode view = api.get("olivia", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        List<Map<String, Object>> injected = rows(view);
        Map<String, Object> cells = (Map<String, Object>) injected.get(0).get("cells");
        String column = cells.keySet().iterator().next();
        cells.put(column, "System.exit(0); //");
        assertThat(api.post("olivia", PATH + "/drafts", Map.of("rows", injected)).isProblem(422).code()).isEqualTo("INVALID_CELL");

        List<Map<String, Object>> unknown = rows(view);
        ((Map<String, Object>) unknown.get(0).get("cells")).put("ZZ", "1");
        api.post("olivia", PATH + "/drafts", Map.of("rows", unknown)).isProblem(400, "rows[0].ZZ");
        api.post("fiona", PATH + "/drafts", Map.of("rows", rows(view))).isProblem(403);
        // unknown table, version, draft or schedule: 404
        api.get("olivia", "/api/decision-tables/no-such-table/drafts").isProblem(404);
        api.get("olivia", PATH + "/versions/999/rows").isProblem(404);
        api.post("olivia", PATH + "/drafts/999999/check", null).isProblem(404);
        api.post("olivia", PATH + "/schedules/999999/cancel", null).isProblem(404);
        api.get("fiona", PATH + "/diff?from=1&to=999").isProblem(404);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("olivia", "olivia");
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new org.springframework.core.io.ByteArrayResource("not a workbook".getBytes()) {
            @Override
            public String getFilename() {
                return "fees.xlsx";
            }
        });
        var broken = rest.exchange(PATH + "/drafts", HttpMethod.POST, new org.springframework.http.HttpEntity<>(body, headers), String.class);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(broken.getBody()).contains("BROKEN_WORKBOOK");
        assertThat(api.get("olivia", PATH + "/drafts").hasStatus(200).tree()).hasSize(draftsBefore);
    }

    @Test
    void versionsCompareRowByRowAndARollbackIsANewVersionWithTheOldRows() {
        int base = inForce();
        JsonNode view = api.get("olivia", PATH + "/versions/" + base + "/rows").hasStatus(200).tree();
        // the same rules in another order: the first row moved to the end (the table's rules don't overlap, so the
        // scenarios still pass and the draft can be activated)
        List<Map<String, Object>> rows = rows(view);
        rows.add(rows.remove(0));
        long removal = api.post("olivia", PATH + "/drafts", Map.of("rows", rows)).hasStatus(201).tree().path("id").asLong();
        assertThat(api.post("olivia", PATH + "/drafts/" + removal + "/check", null).hasStatus(200).tree()
                .path("activatable").asBoolean()).isTrue();
        int next = api.post("olivia", PATH + "/drafts/" + removal + "/activate", Map.of("comment", "reordered"))
                .hasStatus(200).tree().path("version").asInt();
        JsonNode diff = api.get("fiona", PATH + "/diff?from=" + base + "&to=" + next).hasStatus(200).tree();
        // the first row moved to the end: that one row moved, the others kept their order; the other rule tables
        // of the sheet (minimum fees) are the same
        JsonNode counts = diff.path("tables").get(0).path("counts");
        assertThat(diff.path("tables").size()).isEqualTo(view.path("tables").size());
        assertThat(diff.path("counts").path("MOVED").asLong()).isEqualTo(1);
        assertThat(counts.path("MOVED").asLong()).isEqualTo(1);
        assertThat(counts.path("SAME").asLong()).isEqualTo(view.path("rows").size() - 1);
        assertThat(diff.path("counts").path("ADDED").asLong() + diff.path("counts").path("REMOVED").asLong()
                + diff.path("counts").path("CHANGED").asLong()).isZero();
        JsonNode entries = diff.path("tables").get(0).path("entries");
        assertThat(entries.get(entries.size() - 1).path("fromRow").asInt()).isEqualTo(1);

        JsonNode back = api.post("olivia", PATH + "/versions/" + base + "/rollback", Map.of("comment", "back to the old terms"))
                .hasStatus(200).tree();
        assertThat(back.path("version").asInt()).isEqualTo(next + 1);
        assertThat(inForce()).isEqualTo(next + 1);
        JsonNode same = api.get("fiona", PATH + "/diff?from=" + base + "&to=" + (next + 1)).hasStatus(200).tree();
        assertThat(same.path("tables").get(0).path("counts").path("SAME").asLong()).isEqualTo(view.path("rows").size());
        assertThat(same.path("counts").path("CHANGED").asLong() + same.path("counts").path("ADDED").asLong()).isZero();
        api.post("olivia", PATH + "/versions/" + base + "/rollback", Map.of()).isProblem(400, "comment");
    }

    @Test
    void theDecisionLogListsDecisionsWithTheirVersionBySubject() {
        var customer = data.customer(MemberTier.NONE);
        var category = data.category(data.show(data.event(), Duration.ofDays(40)), TicketType.STANDARD, "300.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        var request = registration.open(new NewRefundRequest(order.order().id(), List.of(order.tickets().get(0).id()),
                RefundRequestType.REFUND, RefundReason.CUSTOMER_CHOICE, null, null), "amy", null);
        JsonNode log = api.get("amy", "/api/decision-log?processInstanceId=" + request.request().processInstanceId())
                .hasStatus(200).tree();
        assertThat(log.findValuesAsText("table")).contains("refund-fees");
        assertThat(log.get(0).path("tableVersion").asInt()).isPositive();
        assertThat(log.findValuesAsText("subjectId")).containsOnly(String.valueOf(request.request().id()));
        assertThat(api.get("amy", "/api/decision-log?table=refund-fees&subjectType=REFUND_REQUEST&subjectId="
                + request.request().id()).hasStatus(200).tree().get(0).path("input").path("reason").asText())
                .isEqualTo("CUSTOMER_CHOICE");
    }

    @Test
    void aDraftScheduledForLaterGoesIntoForceAtThatTimeUnlessCancelled(@Autowired ScheduledActivations activations,
                                                                        @Autowired org.ticketops.support.Engine engine) {
        try {
            int base = inForce();
            JsonNode view = api.get("olivia", PATH + "/versions/" + base + "/rows").hasStatus(200).tree();
            long draft = api.post("olivia", PATH + "/drafts", Map.of("rows", rows(view))).hasStatus(201).tree().path("id").asLong();
            String at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString();
            JsonNode schedule = api.post("olivia", PATH + "/drafts/" + draft + "/activate",
                    Map.of("comment", "summer terms", "at", at)).hasStatus(200).tree();
            assertThat(schedule.path("status").asText()).isEqualTo("PENDING");
            int scheduled = schedule.path("version").asInt();
            assertThat(scheduled).isEqualTo(base + 1);
            assertThat(inForce()).as("not in force before its time").isEqualTo(base);
            assertThat(activations.fireDue()).isEmpty();

            engine.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(activations.fireDue()).extracting(ScheduledActivation::version).containsExactly(scheduled);
            assertThat(inForce()).isEqualTo(scheduled);
            assertThat(activations.fireDue()).as("fires once").isEmpty();

            long second = api.post("olivia", PATH + "/drafts", Map.of("rows", rows(view))).hasStatus(201).tree().path("id").asLong();
            String later = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString();
            long pending = api.post("olivia", PATH + "/drafts/" + second + "/activate", Map.of("comment", "autumn", "at", later))
                    .hasStatus(200).tree().path("id").asLong();
            assertThat(api.post("gary", PATH + "/schedules/" + pending + "/cancel", null).hasStatus(200).tree()
                    .path("status").asText()).isEqualTo("CANCELLED");
            assertThat(api.post("gary", PATH + "/schedules/" + pending + "/cancel", null).isProblem(409).code())
                    .isEqualTo("SCHEDULE_NOT_PENDING");
            engine.advance(Duration.ofDays(3));
            assertThat(activations.fireDue()).isEmpty();
            assertThat(inForce()).isEqualTo(scheduled);
        } finally {
            engine.resetClock();
        }
    }

    /**
     * refund-review has three rule tables (review reasons, finance approval, review deadline): the check and the
     * comparison cover each of them, not only the first.
     */
    @Test
    @SuppressWarnings("unchecked")
    void checkAndCompareCoverEveryRuleTableOfTheSheet() {
        String review = "/api/decision-tables/refund-review";
        int version = decisions.activeVersion("refund-review").version();
        JsonNode view = api.get("olivia", review + "/versions/" + version + "/rows").hasStatus(200).tree();
        assertThat(view.path("tables").size()).isEqualTo(3);
        Map<String, Object> tables = new LinkedHashMap<>();
        for (int t = 1; t < 3; t++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            view.path("tables").get(t).path("rows").forEach(r -> rows.add(json.convertValue(r, Map.class)));
            tables.put(String.valueOf(t), rows);
        }
        long shipped = api.post("olivia", review + "/drafts", Map.of("rows", rows(view), "tables", tables))
                .hasStatus(201).tree().path("id").asLong();
        JsonNode baseline = api.post("olivia", review + "/drafts/" + shipped + "/check", null).hasStatus(200).tree();
        assertThat(baseline.path("completeness").path("gaps").asInt()).as("every input gets a review deadline").isZero();
        assertThat(baseline.path("completeness").path("rows")).as("every row of every rule table fires").isEmpty();

        // planted in the third table: a deadline only from 5,000.00 on, so smaller refunds get none (a gap)
        List<Map<String, Object>> deadline = (List<Map<String, Object>>) tables.get("2");
        Map<String, Object> cells = new LinkedHashMap<>((Map<String, Object>) deadline.get(0).get("cells"));
        String condition = view.path("tables").get(2).path("columns").get(1).path("letter").asText();
        cells.put(condition, "5000");
        tables.put("2", List.of(Map.of("cells", cells)));
        long planted = api.post("olivia", review + "/drafts", Map.of("rows", rows(view), "tables", tables))
                .hasStatus(201).tree().path("id").asLong();
        JsonNode found = api.post("olivia", review + "/drafts/" + planted + "/check", null).hasStatus(200).tree();
        assertThat(found.path("completeness").path("gaps").asInt()).isPositive();
        assertThat(new BigDecimal(found.path("completeness").path("gapExamples").get(0).path("totalRefund").asText()))
                .isLessThan(new BigDecimal("5000"));
        assertThat(found.path("activatable").asBoolean()).as("scenarios below 5,000.00 fail").isFalse();

        // the comparison finds the change in the third table: a row whose condition changed is another rule
        TableRows.View before = TableRows.read(decisions.file("refund-review", version).content());
        TableRows.View after = drafts.rows("refund-review", planted);
        TableDiff.Result diff = TableDiff.compare(version, before, version + 1, after);
        assertThat(diff.tables()).extracting(TableDiff.Part::name)
                .containsExactly("Review reasons", "Finance approval", "Review deadline");
        assertThat(diff.tables().get(2).counts()).containsEntry(TableDiff.Kind.ADDED, 1L).containsEntry(TableDiff.Kind.REMOVED, 1L)
                .containsEntry(TableDiff.Kind.SAME, 0L);
        assertThat(diff.tables().get(0).summary()).isEqualTo(view.path("tables").get(0).path("rows").size()
                + " same · 0 moved · 0 changed · 0 added · 0 removed");
        assertThat(diff.counts().get(TableDiff.Kind.ADDED)).isEqualTo(1);
        api.call("olivia", HttpMethod.DELETE, review + "/drafts/" + shipped, null, Map.of()).hasStatus(204);
        api.call("olivia", HttpMethod.DELETE, review + "/drafts/" + planted, null, Map.of()).hasStatus(204);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCompletenessCheckFindsAPlantedGapAndAShadowedRow() {
        int version = inForce();
        JsonNode view = api.get("olivia", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        long shipped = api.post("olivia", PATH + "/drafts", Map.of("rows", rows(view))).hasStatus(201).tree().path("id").asLong();
        JsonNode baseline = api.post("olivia", PATH + "/drafts/" + shipped + "/check", null).hasStatus(200).tree().path("completeness");
        assertThat(baseline.path("inputs").asInt()).isPositive();
        assertThat(baseline.path("gaps").asInt()).as("the shipped table decides every input").isZero();
        assertThat(baseline.path("rows")).as("every shipped row can fire").isEmpty();

        // planted: no row for a cancelled event any more (a gap), and the first row twice (the copy is shadowed)
        List<Map<String, Object>> rows = rows(view);
        rows.removeIf(r -> ((Map<String, Object>) r.get("cells")).containsValue("EVENT_CANCELLED"));
        rows.add(1, new LinkedHashMap<>(Map.of("cells", new LinkedHashMap<>((Map<String, Object>) rows.get(0).get("cells")))));
        long planted = api.post("olivia", PATH + "/drafts", Map.of("rows", rows)).hasStatus(201).tree().path("id").asLong();
        JsonNode found = api.post("olivia", PATH + "/drafts/" + planted + "/check", null).hasStatus(200).tree().path("completeness");
        assertThat(found.path("gaps").asInt()).isPositive();
        assertThat(found.path("gapExamples").get(0).path("reason").asText()).isEqualTo("EVENT_CANCELLED");
        assertThat(found.path("rows")).anySatisfy(r -> {
            assertThat(r.path("row").asInt()).isEqualTo(2);
            assertThat(r.path("finding").asText()).isEqualTo("SHADOWED");
            assertThat(r.path("takenBy").toString()).isEqualTo("[1]");
            assertThat(r.path("example").path("reason").asText()).isNotBlank();
        });
        api.call("olivia", HttpMethod.DELETE, PATH + "/drafts/" + shipped, null, Map.of()).hasStatus(204);
        api.call("olivia", HttpMethod.DELETE, PATH + "/drafts/" + planted, null, Map.of()).hasStatus(204);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleTableOfTheSheetIsEditableNotOnlyTheFirst() {
        int version = inForce();
        JsonNode view = api.get("olivia", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        assertThat(view.path("tables").findValuesAsText("name")).containsExactly("Refund rules", "Minimum fees");
        JsonNode minimum = view.path("tables").get(1);
        List<Map<String, Object>> minimumRows = new ArrayList<>();
        minimum.path("rows").forEach(r -> minimumRows.add(json.convertValue(r, Map.class)));
        String amount = null;
        for (JsonNode c : minimum.path("columns")) {
            if (c.path("kind").asText().equals("action")) {
                amount = c.path("letter").asText();
            }
        }
        Map<String, Object> cells = (Map<String, Object>) minimumRows.get(0).get("cells");
        String before = cells.get(amount).toString();
        cells.put(amount, "99");
        long draft = api.post("olivia", PATH + "/drafts", Map.of("rows", rows(view), "tables", Map.of("1", minimumRows)))
                .hasStatus(201).tree().path("id").asLong();
        JsonNode edited = api.get("olivia", PATH + "/drafts/" + draft + "/rows").hasStatus(200).tree();
        assertThat(edited.path("tables").get(1).path("rows").get(0).path("cells").path(amount).asText()).startsWith("99");
        assertThat(edited.path("rows")).isEqualTo(view.path("rows"));
        assertThat(before).isNotEqualTo("99");
        api.call("olivia", HttpMethod.DELETE, PATH + "/drafts/" + draft, null, Map.of()).hasStatus(204);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTableGrowsAndShrinksAndTheTablesUnderItMoveWithIt() {
        int version = inForce();
        JsonNode view = api.get("olivia", PATH + "/versions/" + version + "/rows").hasStatus(200).tree();
        JsonNode minimum = view.path("tables").get(1).path("rows");
        List<Map<String, Object>> grown = rows(view);
        Map<String, Object> last = grown.get(grown.size() - 1);
        for (int i = 0; i < 20; i++) {
            grown.add(new LinkedHashMap<>(Map.of("cells", new LinkedHashMap<>((Map<String, Object>) last.get("cells")))));
        }
        long id = api.post("olivia", PATH + "/drafts", Map.of("rows", grown)).hasStatus(201).tree().path("id").asLong();
        JsonNode after = api.get("olivia", PATH + "/drafts/" + id + "/rows").hasStatus(200).tree();
        assertThat(after.path("rows").size()).isEqualTo(view.path("rows").size() + 20);
        assertThat(after.path("tables").get(1).path("rows")).isEqualTo(minimum);
        JsonNode report = api.post("olivia", PATH + "/drafts/" + id + "/check", null).hasStatus(200).tree();
        assertThat(report.path("activatable").asBoolean()).isTrue();
        assertThat(report.path("completeness").path("rows").size()).isEqualTo(20);

        List<Map<String, Object>> shrunk = rows(view);
        shrunk.remove(shrunk.size() - 1);
        api.call("olivia", HttpMethod.PUT, PATH + "/drafts/" + id, Map.of("rows", shrunk), Map.of()).hasStatus(200);
        JsonNode smaller = api.get("olivia", PATH + "/drafts/" + id + "/rows").hasStatus(200).tree();
        assertThat(smaller.path("rows").size()).isEqualTo(view.path("rows").size() - 1);
        assertThat(smaller.path("tables").get(1).path("rows")).isEqualTo(minimum);
        api.call("olivia", HttpMethod.DELETE, PATH + "/drafts/" + id, null, Map.of()).hasStatus(204);
    }

}
