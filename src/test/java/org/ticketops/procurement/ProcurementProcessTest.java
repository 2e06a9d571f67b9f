package org.ticketops.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.decision.DecisionService;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.ProblemException;

/**
 * Every path of processes/procurement-approval.bpmn on the real engine, with camunda-bpm-assert: each approval tier,
 * a supplier on watch, a thin margin, changes requested (the chain decided again), a rejection at each step, the
 * four-eyes refusals, a supplier qualified, not qualified and suspended, short and defective deliveries settled both
 * ways, a withdrawal, and the reminder after the configured wait. The last check proves that the tests of this class
 * together pass every flow node of the process, and prints the figure.
 */
@TicketOpsTest
class ProcurementProcessTest {

    private static final Set<String> PASSED = new HashSet<>();
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcurementService procurement;
    @Autowired
    ProcurementDelivery delivery;
    @Autowired
    SupplierService suppliers;
    @Autowired
    CatalogService catalog;
    @Autowired
    DecisionService decisions;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TestData data;
    @Autowired
    Engine jobs;
    @Autowired
    ProcurementMapper costs;
    @Autowired
    java.time.Clock clock;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        processEngine = engine;
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        jobs.resetClock();
        HistoryService history = engine.getHistoryService();
        for (String id : started) {
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list()
                    .forEach(a -> PASSED.add(a.getActivityId()));
        }
    }

    // ---- approval tiers --------------------------------------------------------------------------------------

    @Test
    void aSmallPurchaseNeedsTheOperationsManagerAndEndsStocked() {
        Supplier supplier = qualifiedSupplier();
        TicketCategory category = category(EventKind.CONCERT);
        ProcurementRequest request = submit(supplier, category, 100, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);

        assertThat(request.status()).isEqualTo("IN_APPROVAL");
        assertThat(request.total()).isEqualByComparingTo("20000.00");
        assertThat(pi).hasPassed("registerRequest", "checkSupplier", "decideApprovers").isWaitingAt("approveRequest");
        assertThat(procurement.request(request.id()).approverGroups()).isEqualTo("operations-manager");
        assertThat(procurement.request(request.id()).approvalTableVersion())
                .isEqualTo(decisions.activeVersion(ProcurementApprovalTable.NAME).version());
        assertThat(decisions.logged(ProcurementCase.TYPE, String.valueOf(request.id()), ProcurementApprovalTable.NAME, 5))
                .hasSize(1);
        assertThat(task(pi).getName()).startsWith("Approve request · " + request.requestNumber())
                .endsWith("(step 1 of 1)");
        assertThat(tasks.getVariablesLocal(task(pi).getId())).containsKeys("requestSummary", "supplierSummary",
                "approvalTrail", "chainSummary");

        approve(pi, "olivia", "operations-manager");
        assertThat(pi).isWaitingAt("signContract");
        assertThat(status(request)).isEqualTo("APPROVED");
        signContract(pi, request);
        assertThat(pi).hasPassed("contracted").isWaitingAt("inspectDelivery");
        inspect(pi, 100, 0);

        assertThat(pi).hasPassed("addToInventory", "stocked").isEnded();
        ProcurementRequest done = procurement.request(request.id());
        assertThat(done.status()).isEqualTo("STOCKED");
        assertThat(done.acceptedQuantity()).isEqualTo(100);
        TicketCategory after = catalog.category(category.id());
        assertThat(after.capacity()).isEqualTo(category.capacity() + 100);
        assertThat(after.available()).isEqualTo(category.available() + 100);
        assertThat(procurement.approvals(request.id())).singleElement().satisfies(a -> {
            assertThat(a.decidedBy()).isEqualTo("olivia");
            assertThat(a.decision()).isEqualTo("APPROVE");
        });
    }

    @Test
    void theMiddleTierAddsFinanceAndTheTopTierTheGeneralManagerAndTheUnitCostIsAWeightedAverage() {
        Supplier supplier = qualifiedSupplier();
        TicketCategory category = category(EventKind.CONCERT);
        ProcurementRequest middle = submit(supplier, category, 500, "200.00", "300.00", null); // 100,000.00
        assertThat(middle.approverGroups()).isEqualTo("operations-manager,finance");
        ProcessInstance first = instance(middle);
        approve(first, "olivia", "operations-manager");
        assertThat(first).isWaitingAt("approveRequest");
        assertThat(task(first).getName()).endsWith("(step 2 of 2)");
        approve(first, "fiona", "finance");
        signContract(first, middle);
        inspect(first, 500, 0);

        ProcurementRequest top = submit(supplier, category, 1000, "260.00", "320.00", null); // 260,000.00
        assertThat(top.approverGroups()).isEqualTo("operations-manager,finance,general-manager");
        ProcessInstance second = instance(top);
        approve(second, "olivia", "operations-manager");
        approve(second, "fiona", "finance");
        approve(second, "gary", "general-manager");
        assertThat(second).hasPassed("nextApprover").isWaitingAt("signContract");
        signContract(second, top);
        inspect(second, 1000, 0);
        assertThat(second).isEnded();
        // (500 × 200.00 + 1,000 × 260.00) / 1,500 = 240.00
        assertThat(unitCost(category)).isEqualByComparingTo("240.00");
    }

    @Test
    void anApproversCommentNeverBecomesTheNextApproversComment() {
        ProcurementRequest request = submit(qualifiedSupplier(), category(EventKind.CONCERT), 500, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        complete(pi, "olivia", "operations-manager", Map.of("approvalDecision", "APPROVE", "approvalComment", "Fine by operations"));
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKeys("approvalDecision", "approvalComment");
        approve(pi, "fiona", "finance");
        assertThat(procurement.approvals(request.id())).extracting(ProcurementApproval::comment)
                .containsExactly("Fine by operations", null);
    }

    @Test
    void aThinMarginAddsFinance() {
        ProcurementRequest request = submit(qualifiedSupplier(), category(EventKind.THEATRE), 100, "200.00", "205.00", null);
        assertThat(request.approverGroups()).isEqualTo("operations-manager,finance");
    }

    @Test
    void aDefectiveDeliveryCreditedPutsTheSupplierOnWatchAndFinanceJoinsItsNextChain() {
        Supplier supplier = qualifiedSupplier();
        TicketCategory category = category(EventKind.CONCERT);
        ProcurementRequest request = submit(supplier, category, 100, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        approve(pi, "olivia", "operations-manager");
        signContract(pi, request);
        inspect(pi, 100, 5);
        assertThat(pi).isWaitingAt("resolveWithSupplier");
        assertThat(status(request)).isEqualTo("DELIVERY_PROBLEM");
        complete(pi, "paul", "procurement", Map.of("resolution", "CREDITED", "creditAmount", "1000.00"));

        assertThat(pi).hasPassed("addToInventory").isEnded();
        assertThat(procurement.request(request.id()).acceptedQuantity()).isEqualTo(95);
        assertThat(procurement.request(request.id()).supplierCredit()).isEqualByComparingTo("1000.00");
        assertThat(catalog.category(category.id()).capacity()).isEqualTo(category.capacity() + 95);
        Scorecard card = suppliers.scorecard(supplier.id());
        assertThat(card.defectRate()).isEqualByComparingTo("0.05");
        assertThat(card.standing()).isEqualTo(SupplierStanding.WATCH);

        ProcurementRequest next = submit(supplier, category, 10, "200.00", "300.00", null);
        assertThat(next.approverGroups()).isEqualTo("operations-manager,finance");
    }

    @Test
    void aShortDeliveryReplacedIsInspectedAgainAndABadOneBlocksTheSupplier() {
        Supplier supplier = qualifiedSupplier();
        TicketCategory category = category(EventKind.CONCERT);
        ProcurementRequest request = submit(supplier, category, 100, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        approve(pi, "olivia", "operations-manager");
        signContract(pi, request);
        inspect(pi, 70, 0);
        complete(pi, "paul", "procurement", Map.of("resolution", "REPLACED"));
        assertThat(pi).isWaitingAt("inspectDelivery");
        assertThat(status(request)).isEqualTo("CONTRACTED");
        inspect(pi, 30, 0);
        assertThat(pi).isEnded();
        assertThat(procurement.request(request.id()).acceptedQuantity()).isEqualTo(100);
        assertThat(delivery.receipts(request.id())).extracting(ProcurementReceipt::expected).containsExactly(100, 30);
        // 30 of 130 expected tickets came late: a short-delivery rate of 23 %, above the block rate
        assertThat(suppliers.scorecard(supplier.id()).standing()).isEqualTo(SupplierStanding.BLOCKED);
        assertThatThrownBy(() -> submit(supplier, category, 10, "200.00", "300.00", null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SUPPLIER_BLOCKED"));
        assertThatThrownBy(() -> suppliers.liftBlock(supplier.id(), "ok", "paul")).isInstanceOf(ProblemException.class);
        suppliers.liftBlock(supplier.id(), "Supplier changed its courier; agreed in the review", "paul");
        assertThat(suppliers.scorecard(supplier.id()).standing()).isEqualTo(SupplierStanding.WATCH);
        assertThat(submit(supplier, category, 10, "200.00", "300.00", null).approverGroups()).contains("finance");
    }

    @Test
    void twoDeliveriesIntoOneCategoryAtOnceAddExactlyBoth() throws Exception {
        StockRace.run(procurement, suppliers, catalog, tasks, costs, clock);
    }

    // ---- changes, rejections, four eyes ----------------------------------------------------------------------

    @Test
    void changesRequestedSendTheRequestBackAndTheChainIsDecidedAgainOnTheRevisedTotal() {
        ProcurementRequest request = submit(qualifiedSupplier(), category(EventKind.CONCERT), 500, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        assertThatThrownBy(() -> complete(pi, "olivia", "operations-manager", Map.of("approvalDecision", "REQUEST_CHANGES")))
                .hasMessageContaining("approvalComment: is required to ask for changes");
        complete(pi, "olivia", "operations-manager", Map.of("approvalDecision", "REQUEST_CHANGES",
                "approvalComment", "Buy fewer; the hall is half sold"));
        assertThat(pi).isWaitingAt("reviseRequest");
        assertThat(status(request)).isEqualTo("CHANGES_REQUESTED");
        assertThat((String) tasks.getVariableLocal(task(pi).getId(), "approvalTrail")).contains("Buy fewer");
        complete(pi, "paul", "procurement", Map.of("revisedQuantity", 200, "revisedUnitCost", "200.00",
                "revisedPlannedSalePrice", "300.00"));

        ProcurementRequest revised = procurement.request(request.id());
        assertThat(revised.total()).isEqualByComparingTo("40000.00");
        assertThat(revised.approvalRound()).isEqualTo(2);
        assertThat(revised.approverGroups()).isEqualTo("operations-manager");
        assertThat(pi).isWaitingAt("approveRequest");
        approve(pi, "olivia", "operations-manager"); // a new round: olivia may decide again
        assertThat(pi).isWaitingAt("signContract");
        assertThat(procurement.approvals(request.id())).extracting(ProcurementApproval::approvalRound).containsExactly(1, 2);
    }

    @Test
    void aRejectionAtAnyStepEndsTheRequest() {
        ProcurementRequest first = submit(qualifiedSupplier(), category(EventKind.CONCERT), 10, "200.00", "300.00", null);
        ProcessInstance pi = instance(first);
        complete(pi, "olivia", "operations-manager", Map.of("approvalDecision", "REJECT", "approvalComment", "Not this season"));
        assertThat(pi).hasPassed("rejected", "closed").isEnded();
        assertThat(status(first)).isEqualTo("REJECTED");

        ProcurementRequest middle = submit(qualifiedSupplier(), category(EventKind.SPORTS), 500, "200.00", "300.00", null);
        ProcessInstance second = instance(middle);
        approve(second, "olivia", "operations-manager");
        complete(second, "fiona", "finance", Map.of("approvalDecision", "REJECT", "approvalComment", "No budget left"));
        assertThat(second).isEnded();
        assertThat(status(middle)).isEqualTo("REJECTED");

        ProcurementRequest last = submit(qualifiedSupplier(), category(EventKind.SPORTS), 1000, "250.00", "300.00", null);
        ProcessInstance chain = instance(last);
        approve(chain, "olivia", "operations-manager");
        approve(chain, "fiona", "finance");
        complete(chain, "gary", "general-manager", Map.of("approvalDecision", "REJECT", "approvalComment", "Too much"));
        assertThat(chain).isEnded();
        assertThat(status(last)).isEqualTo("REJECTED");
    }

    @Test
    void theRequesterNeverApprovesAndNobodyApprovesTwoStepsOfARound() {
        user("rita", "procurement", "operations-manager", "finance");
        user("otto", "operations-manager", "finance");
        ProcurementRequest request = submitAs("rita", qualifiedSupplier(), category(EventKind.CONCERT), 500, "200.00", "300.00");
        ProcessInstance pi = instance(request);
        assertThatThrownBy(() -> complete(pi, "rita", "operations-manager", Map.of("approvalDecision", "APPROVE")))
                .hasMessageContaining(FourEyesViolation.CODE + ": rita requested " + request.requestNumber());
        approve(pi, "otto", "operations-manager");
        assertThatThrownBy(() -> complete(pi, "otto", "finance", Map.of("approvalDecision", "APPROVE")))
                .hasMessageContaining(FourEyesViolation.CODE + ": otto approved step 1");
        assertThat(pi).isWaitingAt("approveRequest");
        approve(pi, "fiona", "finance");
        assertThat(pi).isWaitingAt("signContract");
    }

    // ---- the supplier check ----------------------------------------------------------------------------------

    @Test
    void aPendingSupplierIsQualifiedFirstOrEndsTheRequest() {
        TicketCategory category = category(EventKind.CONCERT);
        Supplier pending = supplier(Supplier.Qualification.PENDING, null);
        ProcurementRequest request = submit(pending, category, 10, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        assertThat(pi).isWaitingAt("qualifySupplier");
        assertThat(status(request)).isEqualTo("QUALIFYING");
        assertThat((String) tasks.getVariableLocal(task(pi).getId(), "supplierSummary")).contains(pending.licenceNumber());
        complete(pi, "paul", "procurement", Map.of("qualificationDecision", "QUALIFIED",
                "qualifiedUntil", LocalDate.now().plusYears(1).toString()));
        assertThat(pi).isWaitingAt("approveRequest");
        assertThat(suppliers.supplier(pending.id()).qualification()).isEqualTo(Supplier.Qualification.QUALIFIED);

        Supplier expired = supplier(Supplier.Qualification.QUALIFIED, LocalDate.now().minusDays(3));
        ProcessInstance second = instance(submit(expired, category, 10, "200.00", "300.00", null));
        assertThat(second).isWaitingAt("qualifySupplier");
        complete(second, "paul", "procurement", Map.of("qualificationDecision", "REJECTED", "qualificationComment", "Licence lapsed"));
        assertThat(second).hasPassed("notQualified", "closed").isEnded();
        assertThat(procurement.request(Long.parseLong(second.getBusinessKey().substring(2))).status())
                .isEqualTo("SUPPLIER_NOT_QUALIFIED");
    }

    @Test
    void aSuspendedSupplierEndsTheRequestAtOnce() {
        Supplier suspended = supplier(Supplier.Qualification.SUSPENDED, LocalDate.now().plusYears(1));
        ProcurementRequest request = submit(suspended, category(EventKind.CONCERT), 10, "200.00", "300.00", null);
        assertThat(instance(request)).hasPassed("supplierSuspended", "closed").isEnded();
        assertThat(status(request)).isEqualTo("SUPPLIER_SUSPENDED");
    }

    // ---- withdrawal and reminder -----------------------------------------------------------------------------

    @Test
    void theRequesterWithdrawsBeforeTheContractButNotAfter() {
        ProcurementRequest request = submit(qualifiedSupplier(), category(EventKind.CONCERT), 10, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        assertThatThrownBy(() -> procurement.withdraw(request.id(), "olivia"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("NOT_THE_REQUESTER"));
        procurement.withdraw(request.id(), "paul");
        assertThat(pi).hasPassed("withdrawalReceived", "withdrawRequest", "withdrawn").isEnded();
        assertThat(status(request)).isEqualTo("WITHDRAWN");

        ProcurementRequest signed = submit(qualifiedSupplier(), category(EventKind.CONCERT), 10, "200.00", "300.00", null);
        ProcessInstance other = instance(signed);
        approve(other, "olivia", "operations-manager");
        signContract(other, signed);
        assertThatThrownBy(() -> procurement.withdraw(signed.id(), "paul"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("NOT_AT_THIS_STEP"));
        assertThat(other).isWaitingAt("inspectDelivery");
    }

    @Test
    void anApprovalWaitingTooLongRemindsItsGroupOnceAndStaysWhereItIs() {
        ProcurementRequest request = submit(qualifiedSupplier(), category(EventKind.CONCERT), 10, "200.00", "300.00", null);
        ProcessInstance pi = instance(request);
        jobs.advance(Duration.ofHours(47));
        jobs.executeJobs(pi.getId());
        assertThat(outbox.of(ProcurementCase.TYPE, request.id())).isEmpty();
        jobs.advance(Duration.ofHours(2));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("approvalOverdue", "remindApprovers", "reminded").isWaitingAt("approveRequest");
        assertThat(outbox.of(ProcurementCase.TYPE, request.id())).extracting(n -> n.recipient())
                .contains("olivia@ticketops.example");
        assertThat(outbox.of(ProcurementCase.TYPE, request.id())).allSatisfy(n ->
                assertThat(n.template()).isEqualTo("procurement-approval-reminder"));
        approve(pi, "olivia", "operations-manager");
        assertThat(pi).isWaitingAt("signContract");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        RepositoryService repository = processEngine.getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProcurementCase.PROCESS_KEY).latestVersion().singleResult();
        Set<String> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
        nodes.remove("approveAndContract"); // the sub-process: its inner nodes are counted
        Set<String> missed = new java.util.TreeSet<>(nodes);
        missed.removeAll(PASSED);
        System.out.printf("procurementApproval flow-node coverage: %d of %d (%.0f %%)%s%n", nodes.size() - missed.size(),
                nodes.size(), 100.0 * (nodes.size() - missed.size()) / nodes.size(), missed.isEmpty() ? "" : ", missed " + missed);
        assertThat(missed).as("flow nodes no test passed").isEmpty();
    }

    private Supplier qualifiedSupplier() {
        return supplier(Supplier.Qualification.QUALIFIED, LocalDate.now().plusYears(1));
    }

    private Supplier supplier(Supplier.Qualification qualification, LocalDate until) {
        List<NewSupplier.ApprovedKind> kinds = java.util.Arrays.stream(EventKind.values())
                .map(k -> new NewSupplier.ApprovedKind(k, LocalDate.now().minusYears(1), LocalDate.now().plusYears(2))).toList();
        String licence = "LIC-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return suppliers.create(new NewSupplier(TestData.unique("Supplier"), licence, "sales@supplier.example",
                qualification, until, kinds), "paul").supplier();
    }

    private TicketCategory category(EventKind kind) {
        var event = catalog.createEvent(TestData.unique("Procured event"), kind);
        Show show = data.show(event, Duration.ofDays(40));
        return data.category(show, TicketType.STANDARD, "300.00", 50);
    }

    private ProcurementRequest submit(Supplier supplier, TicketCategory category, int quantity, String unitCost,
                                      String price, String justification) {
        ProcurementRequest request = procurement.submit(new NewProcurementRequest(supplier.id(), category.showId(),
                category.id(), null, quantity, new BigDecimal(unitCost), new BigDecimal(price), justification), "paul");
        started.add(request.processInstanceId());
        return request;
    }

    private ProcurementRequest submitAs(String user, Supplier supplier, TicketCategory category, int quantity,
                                        String unitCost, String price) {
        ProcurementRequest request = procurement.submit(new NewProcurementRequest(supplier.id(), category.showId(),
                category.id(), null, quantity, new BigDecimal(unitCost), new BigDecimal(price), null), user);
        started.add(request.processInstanceId());
        return request;
    }

    private void user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("Procure-Ment-2026!x");
            user.setEmail(id + "@ticketops.example");
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    private ProcessInstance instance(ProcurementRequest request) {
        String id = request.processInstanceId();
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        return running != null ? running : new EndedInstance(id, request.requestNumber());
    }

    private String status(ProcurementRequest request) {
        return procurement.request(request.id()).status();
    }

    private BigDecimal unitCost(TicketCategory category) {
        return costs.unitCostOf(category.id());
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void approve(ProcessInstance pi, String user, String group) {
        complete(pi, user, group, Map.of("approvalDecision", "APPROVE"));
    }

    private void signContract(ProcessInstance pi, ProcurementRequest request) {
        complete(pi, "paul", "procurement", Map.of("contractNumber", "C-" + request.id() + "-" + System.nanoTime() % 100000,
                "contractSignedOn", LocalDate.now().minusDays(1).toString(), "paymentTerms", "30 days net"));
    }

    private void inspect(ProcessInstance pi, int received, int defective) {
        complete(pi, "paul", "procurement", Map.of("receivedCount", received, "defectiveCount", defective));
    }

    /** Completes the process's one task as a Tasklist user of the given group would. */
    private void complete(ProcessInstance pi, String user, String group, Map<String, Object> variables) {
        Task task = task(pi);
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
            Task still = tasks.createTaskQuery().taskId(task.getId()).singleResult();
            if (still != null && user.equals(still.getAssignee())) {
                tasks.setAssignee(task.getId(), null); // a refused completion leaves the task for the next person
            }
        }
    }

    /** A stand-in for an instance that ended before its start call returned. */
    private record EndedInstance(String getId, String getBusinessKey) implements ProcessInstance {
        public String getProcessInstanceId() { return getId; }
        public String getProcessDefinitionId() { return null; }
        public String getProcessDefinitionKey() { return ProcurementCase.PROCESS_KEY; }
        public String getRootProcessInstanceId() { return getId; }
        public String getCaseInstanceId() { return null; }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return true; }
        public String getTenantId() { return null; }
    }
}
