package org.ticketops.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.support.TestData;
import org.ticketops.support.ProcessPaths;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.InvalidField;

/**
 * Every path of processes/stocktaking.bpmn on the real engine: a count that matches, a variance taken against the
 * system's figure when the count is submitted while sales go on (and applied as a difference, so the sales in between
 * stay counted), small variances approved by operations-manager, large ones (by tickets or by value at cost) by
 * finance, a rejection, the four-eyes rule, an adjustment that would leave the capacity, the scopes and the start form.
 */
@TicketOpsTest
class StocktakingProcessTest {

    private static final ProcessPaths PATHS = new ProcessPaths(StocktakeCase.PROCESS_KEY);
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Stocktakes stocktakes;
    @Autowired
    CatalogService catalog;
    @Autowired
    CaseService cases;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        processEngine = engine;
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        PATHS.collect(engine, started);
    }

    @Test
    void aShowIsCountedWhileSalesGoOn() {
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory exact = data.category(show, TicketType.STANDARD, "280.00", 100);
        TicketCategory lost = data.category(show, TicketType.STANDARD, "480.00", 100);
        TicketCategory many = data.category(show, TicketType.VIP, "880.00", 100);
        Customer buyer = data.customer(MemberTier.NONE);
        data.order(buyer, exact, 5);
        data.order(buyer, lost, 10);
        Stocktake stocktake = start(new Stocktakes.Scope("show", show.id(), null));
        ProcessInstance pi = instance(stocktake);
        assertThat(stocktake.businessKey()).startsWith("ST-");
        assertThat(stocktake.status()).isEqualTo("COUNTING");
        assertThat(pi).hasPassed("registerStocktake").isWaitingAt("countStock");
        assertThat(taskOf(pi, "countStock", lost).getName()).endsWith(" · STANDARD seats");
        assertThat((String) tasks.getVariableLocal(taskOf(pi, "countStock", lost).getId(), "countSummary"))
                .contains("The system shows 90 unsold now");

        // the first category matches
        complete(taskOf(pi, "countStock", exact), "sam", Map.of("counted", 95, "countSource", "ON_HAND"));
        assertThat(count(stocktake, exact).variance()).isZero();

        // sales go on during the count: the variance is against the figure when the count is submitted
        data.order(buyer, lost, 2); // 88 left
        complete(taskOf(pi, "countStock", lost), "sam", Map.of("counted", 85, "countSource", "ON_HAND"));
        assertThat(count(stocktake, lost)).satisfies(c -> {
            assertThat(c.systemAvailable()).isEqualTo(88);
            assertThat(c.variance()).isEqualTo(-3);
        });
        complete(taskOf(pi, "explainVariance", lost), "sam", Map.of("cause", "LOST", "explanation", "Three tickets lost at the counter"));
        assertThat(candidates(taskOf(pi, "approveAdjustment", lost))).containsExactly("operations-manager");
        data.order(buyer, lost, 1); // 87 left: sold after the count, still counted after the adjustment
        assertThat(ProcessPaths.refusal(() -> complete(taskOf(pi, "approveAdjustment", lost), "sam", Map.of("adjustmentDecision", "APPROVE",
                "adjustmentComment", "ok")))).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        complete(taskOf(pi, "approveAdjustment", lost), "olivia", Map.of("adjustmentDecision", "APPROVE",
                "adjustmentComment", "Lost tickets voided"));
        assertThat(catalog.category(lost.id()).available()).isEqualTo(84);
        assertThat(stocktakes.movements(lost.id())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("STOCKTAKE_ADJUSTMENT");
            assertThat(m.quantity()).isEqualTo(-3);
            assertThat(m.beforeQty()).isEqualTo(87);
            assertThat(m.afterQty()).isEqualTo(84);
            assertThat(m.actor()).isEqualTo("olivia");
            assertThat(m.reason()).isEqualTo("LOST: Three tickets lost at the counter");
        });

        // more than the ticket limit: finance decides; whoever counted may not, whatever their groups
        complete(taskOf(pi, "countStock", many), "demo", Map.of("counted", 88, "countSource", "SUPPLIER_STATEMENT"));
        complete(taskOf(pi, "explainVariance", many), "sam", Map.of("cause", "SUPPLIER_ERROR",
                "explanation", "The supplier's statement is twelve short"));
        Task approval = taskOf(pi, "approveAdjustment", many);
        assertThat(candidates(approval)).containsExactly("finance");
        assertThat(ProcessPaths.refusal(() -> complete(approval, "demo", Map.of("adjustmentDecision", "APPROVE", "adjustmentComment", "fine"))))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(ProcessPaths.refusal(() -> complete(approval, "fiona", Map.of("adjustmentDecision", "REJECT"))))
                .isInstanceOf(InvalidField.class).hasMessageContaining("adjustmentComment");
        complete(approval, "fiona", Map.of("adjustmentDecision", "REJECT", "adjustmentComment", "Recount with the supplier"));
        assertThat(catalog.category(many.id()).available()).isEqualTo(100);
        assertThat(stocktakes.movements(many.id())).isEmpty();

        assertThat(pi).hasPassed("matched", "applyAdjustment", "adjusted", "notAdjusted", "closeStocktake", "stocktakeClosed")
                .isEnded();
        assertThat(stocktakes.stocktake(stocktake.id()).status()).isEqualTo("CLOSED");
        assertThat(count(stocktake, many)).satisfies(c -> {
            assertThat(c.decision()).isEqualTo("REJECTED");
            assertThat(c.source()).isEqualTo("SUPPLIER_STATEMENT");
            assertThat(c.decidedBy()).isEqualTo("fiona");
        });
    }

    @Test
    void aValueAboveTheLimitAtCostGoesToFinanceAndFoundTicketsComeBack() {
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "980.00", 50);
        jdbc.update("UPDATE to_ticket_categories SET unit_cost = 600.00 WHERE id = ?", category.id());
        data.order(data.customer(MemberTier.NONE), category, 20); // 30 left
        ProcessInstance pi = instance(start(new Stocktakes.Scope("SHOW", show.id(), null)));
        complete(taskOf(pi, "countStock", category), "sam", Map.of("counted", 39));
        StockCount counted = stocktakes.counts(stocktakeOf(pi)).get(0);
        assertThat(counted.varianceValue()).isEqualByComparingTo("5400.00"); // 9 × 600.00: over 5,000.00
        complete(taskOf(pi, "explainVariance", category), "sam", Map.of("cause", "SYSTEM_ERROR",
                "explanation", "Nine sold tickets were never issued"));
        assertThat(candidates(taskOf(pi, "approveAdjustment", category))).containsExactly("finance");
        complete(taskOf(pi, "approveAdjustment", category), "fiona", Map.of("adjustmentDecision", "APPROVE",
                "adjustmentComment", "Back on sale"));
        assertThat(catalog.category(category.id()).available()).isEqualTo(39);
        assertThat(pi).isEnded();
    }

    @Test
    void anAdjustmentThatWouldPassTheCapacityIsNotApplied() {
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 10);
        Stocktake stocktake = start(new Stocktakes.Scope("SHOW", show.id(), null));
        ProcessInstance pi = instance(stocktake);
        Task count = taskOf(pi, "countStock", category);
        data.order(data.customer(MemberTier.NONE), category, 1); // 9 left, counted 10: +1
        complete(count, "sam", Map.of("counted", 10));
        complete(taskOf(pi, "explainVariance", category), "sam", Map.of("cause", "OTHER", "explanation", "A returned ticket"));
        jdbc.update("UPDATE to_ticket_categories SET available = capacity WHERE id = ?", category.id()); // a refund gave it back
        complete(taskOf(pi, "approveAdjustment", category), "olivia", Map.of("adjustmentDecision", "APPROVE",
                "adjustmentComment", "Put it back"));
        assertThat(catalog.category(category.id()).available()).isEqualTo(10);
        assertThat(stocktakes.movements(category.id())).isEmpty();
        assertThat(stocktakes.counts(stocktake.id()).get(0).movementId()).isNull();
        assertThat(pi).isEnded();
    }

    @Test
    void scopesAndTheStartForm() {
        Show onSale = data.show(data.event(), Duration.ofDays(30));
        TicketCategory counted = data.category(onSale, TicketType.STANDARD, "100.00", 10);
        Show past = data.show(data.event(), Duration.ofDays(-2));
        TicketCategory over = data.category(past, TicketType.STANDARD, "100.00", 10);
        Stocktake all = start(new Stocktakes.Scope("ALL_ON_SALE", null, null));
        assertThat(stocktakes.counts(all.id())).extracting(StockCount::categoryId).contains(counted.id()).doesNotContain(over.id());
        Stocktake ofEvent = start(new Stocktakes.Scope("EVENT", null, onSale.eventId()));
        assertThat(stocktakes.counts(ofEvent.id())).extracting(StockCount::categoryId).containsExactly(counted.id());

        assertThat(ProcessPaths.refusal(() -> stocktakes.start(new Stocktakes.Scope("SHOW", null, null), "olivia")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("showId");
        assertThat(ProcessPaths.refusal(() -> stocktakes.start(new Stocktakes.Scope("WAREHOUSE", null, null), "olivia")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("scope");

        // Tasklist's start form: its own fields only, the user from the engine
        identity.setAuthentication("olivia", List.of("operations-manager"));
        try {
            ProcessInstance fromForm = engine.getRuntimeService().startProcessInstanceByKey(StocktakeCase.PROCESS_KEY,
                    Map.of("scope", "SHOW", "showId", onSale.id()));
            started.add(fromForm.getId());
            assertThat(stocktakes.stocktake(stocktakeOf(fromForm)).startedBy()).isEqualTo("olivia");
            assertThat(ProcessPaths.refusal(() -> engine.getRuntimeService().startProcessInstanceByKey(StocktakeCase.PROCESS_KEY,
                    Map.of("scope", "SHOW", "showId", onSale.id(), "withinTolerance", true))))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("withinTolerance");
        } finally {
            identity.clearAuthentication();
        }
        stocktakes.startScheduled();
    }

    private Stocktake start(Stocktakes.Scope scope) {
        Stocktake stocktake = stocktakes.start(scope, "olivia");
        started.add(stocktake.processInstanceId());
        return stocktake;
    }

    private ProcessInstance instance(Stocktake stocktake) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(stocktake.processInstanceId()).singleResult();
    }

    private long stocktakeOf(ProcessInstance pi) {
        return ((Number) engine.getRuntimeService().getVariable(pi.getId(), "stocktakeId")).longValue();
    }

    private StockCount count(Stocktake stocktake, TicketCategory category) {
        return stocktakes.counts(stocktake.id()).stream().filter(c -> c.categoryId() == category.id()).findFirst().orElseThrow();
    }

    private Task taskOf(ProcessInstance pi, String activity, TicketCategory category) {
        long stocktake = stocktakeOf(pi);
        long countId = stocktakes.counts(stocktake).stream().filter(c -> c.categoryId() == category.id()).findFirst()
                .orElseThrow().id();
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).list().stream()
                .filter(t -> Long.parseLong(tasks.getVariable(t.getId(), "countId").toString()) == countId).findFirst()
                .orElseThrow(() -> new AssertionError("no " + activity + " for category " + category.id()));
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        ProcessPaths.complete(engine, task, user, variables);
    }

    private List<String> candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).toList();
    }


    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        PATHS.assertEveryFlowNodePassed(processEngine);
    }
}
