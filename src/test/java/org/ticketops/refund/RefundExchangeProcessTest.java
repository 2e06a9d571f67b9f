package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.sales.DemoPaymentGateway;
import org.ticketops.sales.OrderStatus;
import org.ticketops.sales.Payment;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.SalesService;
import org.ticketops.sales.TicketStatus;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.ProblemException;

/**
 * Every path of processes/refund-exchange.bpmn on the real engine, with camunda-bpm-assert. The last
 * check proves that the tests of this class together pass every flow node of the process.
 */
@TicketOpsTest
class RefundExchangeProcessTest {

    private static final Set<String> PASSED = new HashSet<>();
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    RefundService refunds;
    @Autowired
    RefundExchanges exchanges;
    @Autowired
    RefundFixture fixture;
    @Autowired
    RefundRegistration registration;
    @Autowired
    RefundPayouts payouts;
    @Autowired
    org.ticketops.notification.NotificationSender sender;
    @Autowired
    org.ticketops.demo.DemoMailbox.Inbox inbox;
    @Autowired
    TestData data;
    @Autowired
    SalesService sales;
    @Autowired
    CatalogService catalog;
    @Autowired
    BillingService billing;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    DemoPaymentGateway gateway;
    @Autowired
    Engine jobs;
    @Autowired
    org.ticketops.decision.DecisionService decisions;
    private final java.util.List<String> started = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        processEngine = engine;
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        gateway.setOutage(false);
        gateway.setConnected(true);
        jobs.resetClock();
        HistoryService history = engine.getHistoryService();
        for (String id : started) {
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list()
                    .forEach(a -> PASSED.add(a.getActivityId()));
        }
    }

    // ---- refunds ------------------------------------------------------------------------------

    @Test
    void aSmallCleanRefundGoesStraightThroughAndPaysOnce() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        int availableBefore = catalog.category(c.category().id()).available();
        RefundRequestDetails opened = fixture.refund(c, RefundReason.CUSTOMER_CHOICE);
        ProcessInstance pi = instance(opened);

        assertThat(pi).hasPassed("registerRequest", "evaluateFees").isWaitingAt("payRefund");
        // the process holds references and what its gateways route on; the amounts are the request's
        assertThat(pi).variables().containsEntry("allowed", true).containsEntry("reviewNeeded", false)
                .containsEntry("requestId", opened.request().id())
                .doesNotContainKeys("totalFee", "totalRefund", "feeLines", "tableVersion", "orderId", "requestedBy");
        assertThat(opened.request().totalFee()).isEqualByComparingTo("24.00");
        assertThat(opened.request().totalRefund()).isEqualByComparingTo("456.00");
        assertThat(opened.request().tableVersion()).isPositive();
        assertThat(opened.feeLines()).singleElement().satisfies(l -> {
            assertThat(l.feePercent()).isEqualTo(5);
            assertThat(l.fee()).isEqualByComparingTo("24.00");
        });

        jobs.executeJobs(pi.getId());

        assertThat(pi).hasPassed("payRefund", "settleTickets", "issueCreditNote", "notifyCustomer").isEnded()
                .hasPassed("completed");
        RefundRequestDetails done = refunds.details(opened.request().id());
        assertThat(done.request().status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(done.payments()).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(PaymentDirection.OUT);
            assertThat(p.amount()).isEqualByComparingTo("456.00");
        });
        assertThat(sales.orderDetails(c.orderId()).tickets()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.REFUNDED));
        assertThat(sales.order(c.orderId()).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(catalog.category(c.category().id()).available()).isEqualTo(availableBefore + 1);
        assertThat(done.creditNote()).isNotNull();
        assertThat(done.creditNote().number()).matches("CN-\\d{6}");
        assertThat(done.creditNote().amount()).isEqualByComparingTo("456.00");
        assertThat(outbox.of(RefundService.SUBJECT, opened.request().id())).extracting(n -> n.template())
                .containsExactly("refund-completed");
    }

    @Test
    void aRequestIsDecidedWithTheRefundTermsOfThePurchase() throws Exception {
        var boughtBefore = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        var before = decisions.activeVersion(RefundFeeTable.NAME);
        byte[] shipped = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules/refund-fees.xlsx"));
        byte[] harsher = org.ticketops.decision.Spreadsheets.edit(shipped, sheet -> org.ticketops.decision.Spreadsheets.set(
                org.ticketops.decision.Spreadsheets.row(sheet, new int[]{0, 6}, "Refund, 30 days or more", "NONE, SILVER"), 9, 9));
        String scenarios = java.nio.file.Files.readString(java.nio.file.Path.of("rules/refund-fees.scenarios.csv")).lines()
                .filter(l -> !l.contains(",720,") && !l.contains(",800,") && !l.contains(",900,"))
                .collect(Collectors.joining("\n"));
        decisions.upload(RefundFeeTable.NAME, "refund-fees.xlsx", harsher, scenarios, "harsher early refunds", "olivia");
        try {
            var boughtAfter = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
            RefundRequestDetails old = fixture.refund(boughtBefore, RefundReason.CUSTOMER_CHOICE);
            RefundRequestDetails recent = fixture.refund(boughtAfter, RefundReason.CUSTOMER_CHOICE);
            started.add(old.request().processInstanceId());
            started.add(recent.request().processInstanceId());
            assertThat(old.request().tableVersion()).isEqualTo(before.version());
            assertThat(old.feeLines().get(0).feePercent()).isEqualTo(5);
            assertThat(recent.request().tableVersion()).isGreaterThan(before.version());
            assertThat(recent.feeLines().get(0).feePercent()).isEqualTo(9);
        } finally {
            decisions.activate(RefundFeeTable.NAME, before.version(), "test clean-up", "test");
        }
    }

    @Test
    void aRequestTheTableRefusesIsRejectedAtOnce() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "480.00", 2, 1);
        RefundRequestDetails opened = fixture.refund(c, RefundReason.CUSTOMER_CHOICE);
        ProcessInstance pi = instance(opened);
        assertThat(pi).isEnded().hasPassed("rejectRequest", "rejected").hasNotPassed("reviewRefund", "payRefund");
        RefundRequest request = refunds.request(opened.request().id());
        assertThat(request.status()).isEqualTo(RefundRequestStatus.REJECTED);
        assertThat(request.rejectionCode()).isEqualTo("REFUND_WINDOW_CLOSED");
        assertThat(sales.orderDetails(c.orderId()).tickets()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.SOLD));
        assertThat(sales.payments(null, RefundService.reference(request.id()))).isEmpty();
    }

    @Test
    void aTicketDefectIsReviewedAndApproved() {
        var c = fixture.order(MemberTier.SILVER, TicketType.STANDARD, "280.00", 1, 300);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.TICKET_DEFECT));
        assertThat(pi).isWaitingAt("reviewRefund");
        assertThat(task()).hasCandidateGroup("customer-service").hasFormKey(null);
        assertThat(refunds.byProcessInstance(pi.getId()).orElseThrow().status()).isEqualTo(RefundRequestStatus.AWAITING_REVIEW);
        assertThat(pi).variables().containsEntry("reviewReasons", "a ticket defect is claimed");

        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        assertThat(pi).hasPassed("applyReview").isWaitingAt("payRefund");
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed");
        RefundRequestDetails done = refunds.details(refunds.byProcessInstance(pi.getId()).orElseThrow().id());
        assertThat(done.trail()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("REVIEW_APPROVE");
            assertThat(e.actor()).isEqualTo("amy");
        });
        assertThat(done.request().totalRefund()).isEqualByComparingTo("280.00");
    }

    @Test
    void aCustomerWhoseCreditTierNeedsReviewsWaitsForAReview() {
        var c = fixture.order(MemberTier.GOLD, org.ticketops.customer.CustomerType.AGENCY, TicketType.STANDARD, "480.00", 1, 800);
        billing.issueInvoice(c.customer().id(), null, new BigDecimal("700.00"),
                java.time.Instant.now().minus(Duration.ofDays(40)), java.time.Instant.now().minus(Duration.ofDays(2)), null);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        assertThat(pi).isWaitingAt("reviewRefund");
        assertThat(pi).variables().containsEntry("reviewReasons", "credit tier C needs a review of refunds");
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed");
    }

    @Test
    void aReviewerRejectsWithAComment() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "1280.00", 2, 400);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        assertThat(pi).isWaitingAt("reviewRefund");

        Task review = taskOf(pi);
        assertThatThrownBy(() -> completeAs(pi, "carl", "customer-service", Map.of("reviewDecision", "REJECT")))
                .hasMessageContaining("reviewComment");
        assertThat(pi).isWaitingAt("reviewRefund");
        assertThat(taskOf(pi).getId()).isEqualTo(review.getId());

        completeAs(pi, "carl", "customer-service", Map.of("reviewDecision", "REJECT", "reviewComment", "Resale suspected"));
        assertThat(pi).isEnded().hasPassed("rejectRequest", "rejected");
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RefundRequestStatus.REJECTED);
        assertThat(request.rejectionCode()).isEqualTo("REVIEW_REJECTED");
        assertThat(outbox.of(RefundService.SUBJECT, request.id())).extracting(n -> n.template()).contains("refund-rejected");
    }

    @Test
    void aReviewerWaivesTheFees() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "1280.00", 2, 400);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        RefundRequest before = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(before.totalFee()).isEqualByComparingTo("256.00");
        assertThat(before.totalRefund()).isEqualByComparingTo("2304.00");
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "WAIVE_FEE", "reviewComment", "Long-time customer"));
        RefundRequest waived = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(waived.totalFee()).isEqualByComparingTo("0.00");
        assertThat(waived.totalRefund()).isEqualByComparingTo("2560.00");
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded();
        RefundRequestDetails done = refunds.details(refunds.byProcessInstance(pi.getId()).orElseThrow().id());
        assertThat(done.feeLines()).allSatisfy(l -> assertThat(l.fee()).isEqualByComparingTo("0.00"));
        assertThat(done.payments()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("2560.00"));
    }

    @Test
    void aLargeRefundNeedsFinanceWhoApproves() {
        var c = fixture.order(MemberTier.PLATINUM, TicketType.VIP, "1280.00", 9, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("approveLargeRefund");
        assertThat(task()).hasCandidateGroup("finance");
        assertThat(refunds.byProcessInstance(pi.getId()).orElseThrow().status()).isEqualTo(RefundRequestStatus.AWAITING_APPROVAL);
        completeAs(pi, "fiona", "finance", Map.of("financeDecision", "APPROVE"));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed");
        assertThat(refunds.details(refunds.byProcessInstance(pi.getId()).orElseThrow().id()).payments())
                .singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("11520.00"));
    }

    @Test
    void financeRejectsALargeRefund() {
        var c = fixture.order(MemberTier.PLATINUM, TicketType.VIP, "1280.00", 9, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        assertThatThrownBy(() -> completeAs(pi, "fiona", "finance", Map.of("financeDecision", "REJECT")))
                .hasMessageContaining("financeComment");
        completeAs(pi, "fiona", "finance", Map.of("financeDecision", "REJECT", "financeComment", "Needs the contract"));
        assertThat(pi).isEnded().hasPassed("rejected");
        assertThat(refunds.byProcessInstance(pi.getId()).orElseThrow().rejectionCode()).isEqualTo("FINANCE_REJECTED");
    }

    @Test
    void anOverdueReviewMovesToTheOperationsManagers() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "480.00", 1, 500);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.TICKET_DEFECT));
        assertThat(pi).isWaitingAt("reviewRefund");
        assertThat(taskOf(pi).getDueDate()).isCloseTo(java.util.Date.from(refunds.byProcessInstance(pi.getId())
                .orElseThrow().requestedAt().plus(Duration.ofHours(24))), 2000);
        jobs.advance(Duration.ofHours(23));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isWaitingAt("reviewRefund");
        jobs.advance(Duration.ofHours(2));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("reviewOverdue").isWaitingAt("reviewRefundEscalated");
        assertThat(task()).hasCandidateGroup("operations-manager");
        // the task's name tells it apart in the list (issue 8): step, case key, customer, amount
        org.assertj.core.api.Assertions.assertThat(task().getName()).startsWith("Review overdue refund R-").endsWith("· CNY 480.00");
        completeAs(pi, "olivia", "operations-manager", Map.of("reviewDecision", "APPROVE"));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed");
    }

    // ---- exchanges ----------------------------------------------------------------------------

    @Test
    void anExchangeToADearerShowWaitsForThePaymentThenIssuesNewTickets() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 2, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.VIP, "880.00", 10);
        RefundRequestDetails opened = fixture.exchange(c, target);
        ProcessInstance pi = instance(opened);
        assertThat(pi).hasPassed("holdSeats").isWaitingAt("awaitPayment");
        assertThat(catalog.category(target.id()).available()).isEqualTo(8);
        RefundRequest waiting = refunds.request(opened.request().id());
        assertThat(waiting.status()).isEqualTo(RefundRequestStatus.AWAITING_PAYMENT);
        // difference: 2 × (880 − 480), no fee 16 days ahead
        assertThat(waiting.amountDue()).isEqualByComparingTo("800.00");
        assertThat(waiting.paymentDeadline()).isNotNull();

        assertThatThrownBy(() -> exchanges.receivePayment(waiting.id(), new BigDecimal("799.99"), "CARD", null, "amy"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("800.00");
        exchanges.receivePayment(waiting.id(), new BigDecimal("800.00"), "CARD", "POS-1", "amy");
        exchanges.receivePayment(waiting.id(), new BigDecimal("800.00"), "CARD", "POS-1", "amy");
        assertThat(pi).hasPassed("paymentReceived").isEnded().hasNotPassed("payRefund").hasPassed("completed");

        RefundRequestDetails done = refunds.details(waiting.id());
        assertThat(done.request().status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(done.payments()).singleElement().satisfies(p -> assertThat(p.direction()).isEqualTo(PaymentDirection.IN));
        assertThat(sales.orderDetails(c.orderId()).tickets()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.EXCHANGED));
        var newOrder = sales.orderDetails(done.request().newOrderId());
        assertThat(newOrder.order().originOrderId()).isEqualTo(c.orderId());
        assertThat(newOrder.order().showId()).isEqualTo(c.otherShow().id());
        assertThat(newOrder.tickets()).hasSize(2).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TicketStatus.SOLD);
            assertThat(t.categoryId()).isEqualTo(target.id());
        });
        assertThat(done.feeLines()).allSatisfy(l -> assertThat(l.newTicketId()).isNotNull());
        assertThat(catalog.category(target.id()).available()).isEqualTo(8);
        assertThat(catalog.category(c.category().id()).available()).isEqualTo(100);
        assertThat(done.creditNote()).isNull();
        assertThat(outbox.of(RefundService.SUBJECT, waiting.id())).extracting(n -> n.template())
                .containsExactly("exchange-payment-requested", "exchange-completed");
    }

    @Test
    void anUnpaidExchangeExpiresAndReleasesTheSeats() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 2, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.VIP, "880.00", 10);
        ProcessInstance pi = instance(fixture.exchange(c, target));
        assertThat(pi).isWaitingAt("awaitPayment");
        jobs.advance(Duration.ofHours(47));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isWaitingAt("awaitPayment");
        jobs.advance(Duration.ofHours(2));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("paymentWindowClosed", "expireRequest").isEnded().hasPassed("expired");
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(request.status()).isEqualTo(RefundRequestStatus.EXPIRED);
        assertThat(catalog.category(target.id()).available()).isEqualTo(10);
        assertThat(sales.orderDetails(c.orderId()).tickets()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.SOLD));
        assertThatThrownBy(() -> exchanges.receivePayment(request.id(), request.amountDue(), "CARD", null, "amy"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void thePaymentWindowNeverRunsPastTheNewShow() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 400);
        var soon = data.show(c.event(), Duration.ofHours(10));
        TicketCategory target = data.category(soon, TicketType.VIP, "880.00", 10);
        ProcessInstance pi = instance(fixture.exchange(c, target));
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(request.paymentDeadline()).isEqualTo(soon.startsAt());
    }

    @Test
    void anExchangeToACheaperShowPaysTheDifferenceBack() {
        var c = fixture.order(MemberTier.PLATINUM, TicketType.VIP, "1280.00", 1, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.STANDARD, "480.00", 10);
        ProcessInstance pi = instance(fixture.exchange(c, target));
        assertThat(pi).isWaitingAt("payRefund");
        assertThat(pi).variables().containsEntry("refundDue", true).containsEntry("customerOwes", false);
        assertThat(refunds.byProcessInstance(pi.getId()).orElseThrow().totalRefund()).isEqualByComparingTo("800.00");
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("payRefund", "completed");
        RefundRequestDetails done = refunds.details(refunds.byProcessInstance(pi.getId()).orElseThrow().id());
        assertThat(done.payments()).singleElement().satisfies(p -> {
            assertThat(p.direction()).isEqualTo(PaymentDirection.OUT);
            assertThat(p.amount()).isEqualByComparingTo("800.00");
        });
        assertThat(done.creditNote().amount()).isEqualByComparingTo("800.00");
    }

    @Test
    void anExchangeToASoldOutCategoryIsRejected() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 2, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.STANDARD, "480.00", 1);
        ProcessInstance pi = instance(fixture.exchange(c, target));
        assertThat(pi).hasPassed("holdSeats").isEnded().hasPassed("rejected");
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(request.rejectionCode()).isEqualTo("EXCHANGE_SOLD_OUT");
        assertThat(catalog.category(target.id()).available()).isEqualTo(1);
    }

    // ---- withdrawal, failures -----------------------------------------------------------------

    @Test
    void aWaitingRequestCanBeWithdrawnAndReleasesItsSeats() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 400);
        TicketCategory target = data.category(c.otherShow(), TicketType.VIP, "880.00", 5);
        ProcessInstance pi = instance(fixture.exchange(c, target));
        assertThat(pi).isWaitingAt("awaitPayment");
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        refunds.withdraw(request.id(), "changed plans", "amy");
        assertThat(pi).hasPassed("withdrawalReceived", "withdrawRequest", "withdrawn").isEnded();
        assertThat(refunds.request(request.id()).status()).isEqualTo(RefundRequestStatus.WITHDRAWN);
        assertThat(catalog.category(target.id()).available()).isEqualTo(5);
        assertThat(sales.payments(null, RefundService.reference(request.id()))).isEmpty();
        assertThatThrownBy(() -> refunds.withdraw(request.id(), null, "amy")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("WITHDRAWN");
    }

    @Test
    void aRequestInReviewCanBeWithdrawnButNotOnceItIsPaid() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        ProcessInstance inReview = instance(fixture.refund(c, RefundReason.TICKET_DEFECT));
        RefundRequest request = refunds.byProcessInstance(inReview.getId()).orElseThrow();
        refunds.withdraw(request.id(), null, "amy");
        assertThat(inReview).isEnded().hasPassed("withdrawn").hasNotPassed("payRefund");

        var paid = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        ProcessInstance pi = instance(fixture.refund(paid, RefundReason.CUSTOMER_CHOICE));
        jobs.executeJobs(pi.getId());
        long id = refunds.byProcessInstance(pi.getId()).orElseThrow().id();
        assertThatThrownBy(() -> refunds.withdraw(id, null, "amy")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("COMPLETED");
    }

    @Test
    void aFailingPaymentBecomesAnIncidentAndARetryCompletesTheRequest() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        gateway.setOutage(true);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = jobs.jobs(pi.getId()).get(0);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("outage");
            jobs.advance(Duration.ofMinutes(1).plusSeconds(1));
        }
        Job failed = jobs.jobs(pi.getId()).get(0);
        assertThat(failed.getRetries()).isZero();
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
        assertThat(incidents).singleElement().satisfies(i -> assertThat(i.getActivityId()).isEqualTo("payRefund"));
        assertThat(pi).isWaitingAt("payRefund");
        long id = refunds.byProcessInstance(pi.getId()).orElseThrow().id();
        assertThat(sales.payments(null, RefundService.reference(id))).isEmpty();

        gateway.setOutage(false);
        management.setJobRetries(failed.getId(), 1);  // what "Retry" in Cockpit does
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed");
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(sales.payments(null, RefundService.reference(id))).hasSize(1);
    }

    @Test
    void thePaymentStepRunTwicePaysOnce() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        Job before = jobs.jobs(pi.getId()).get(0);
        management.executeJob(before.getId());                       // pays, then waits after the payment
        assertThat(pi).hasPassed("payRefund");
        // run the payment step once more, as a second node or a replay would
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("payRefund").execute();
        jobs.executeJobs(pi.getId());
        long id = refunds.byProcessInstance(pi.getId()).orElseThrow().id();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("payRefund").count()).isEqualTo(2);
        List<Payment> payments = sales.payments(null, RefundService.reference(id));
        assertThat(payments).hasSize(1);
        assertThat(payouts.payRefund(id).id()).isEqualTo(payments.get(0).id());
        assertThat(sales.payments(null, RefundService.reference(id))).hasSize(1);
    }

    // ---- issue 7: money and four eyes -----------------------------------------------------------

    @Test
    void withoutAConnectedProviderFinancePaysOutByHandOnce() {
        gateway.setConnected(false);
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        assertThat(pi).isWaitingAt("payOutRefund");
        assertThat(task()).hasCandidateGroup("finance").hasName("Pay out refund "
                + RefundCase.businessKey(requestOf(pi).id()) + " · " + c.customer().name() + " · CNY 456.00");
        assertThat((String) tasks.getVariable(task().getId(), "payoutSummary")).contains("CNY 456.00");
        assertThatThrownBy(() -> completeAs(pi, "fiona", "finance", Map.of("payoutReference", "\"; DROP")))
                .hasMessageContaining("payoutReference");
        completeAs(pi, "fiona", "finance", Map.of("payoutReference", "BANK-2026-0042"));
        assertThat(pi).isEnded().hasPassed("payOutRefund", "settleTickets", "completed").hasNotPassed("payRefund");
        List<Payment> payments = sales.payments(null, RefundService.reference(requestOf(pi).id()));
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("456.00");
            assertThat(p.externalReference()).isEqualTo("BANK-2026-0042");
        });
        // a second record of the same payout finds the first
        assertThat(payouts.recordManualPayout(requestOf(pi).id(), "OTHER-REF", "fiona").id()).isEqualTo(payments.get(0).id());
        assertThat(refunds.details(requestOf(pi).id()).trail()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("REFUND_PAID");
            assertThat(e.actor()).isEqualTo("fiona");
        });
    }

    @Test
    void theCustomerReceivesTheCompletionByEmailAndTheTrailSaysWhenItWasSent() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "480.00", 1, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        jobs.executeJobs(pi.getId());
        long id = requestOf(pi).id();
        assertThat(refunds.details(id).trail()).extracting(e -> e.action()).contains("NOTIFICATION_QUEUED")
                .doesNotContain("NOTIFICATION_SENT");
        sender.sendDue();
        assertThat(inbox.to(c.customer().email())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your refund for order " + c.orderId() + " is on its way");
            assertThat(mail.body()).contains(c.customer().name(), "CNY 456.00");
        });
        assertThat(refunds.details(id).trail()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("NOTIFICATION_SENT");
            assertThat(e.detail()).contains("refund-completed", c.customer().email());
        });
    }

    @Test
    void aReviewedRefundIsACaseWhoseEveryMoveIsRecordedAndGuarded() {
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.TICKET_DEFECT));
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        jobs.executeJobs(pi.getId());
        long id = requestOf(pi).id();
        assertThat(refunds.transitions(id)).extracting(t -> t.fromStatus() + ">" + t.toStatus() + " by " + t.actor())
                .containsExactly("null>OPEN by sam", "OPEN>AWAITING_REVIEW by system", "AWAITING_REVIEW>OPEN by amy",
                        "OPEN>COMPLETED by system");
        assertThat(refunds.details(id).transitions()).hasSize(4);
        // a closed case moves no more, whatever a caller tries
        assertThatThrownBy(() -> refunds.markStatus(id, RefundRequestStatus.AWAITING_REVIEW))
                .isInstanceOf(org.ticketops.casework.TransitionRefused.class);
        assertThat(requestOf(pi).status()).isEqualTo(RefundRequestStatus.COMPLETED);
    }

    @Test
    void aPaidRefundCanNotBeWithdrawnOnceItsPayoutHasStarted() {
        // issue 7 item 3: a request that had a review, approved, waiting only for its payout job
        var c = fixture.order(MemberTier.NONE, TicketType.STANDARD, "280.00", 1, 400);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.TICKET_DEFECT));
        completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("payRefund");
        long id = requestOf(pi).id();
        assertThat(requestOf(pi).status()).isEqualTo(RefundRequestStatus.OPEN);
        Job payout = jobs.jobs(pi.getId()).get(0);
        management.executeJob(payout.getId());           // the payout ran; the process waits after it
        assertThat(sales.payments(null, RefundService.reference(id))).hasSize(1);

        assertThatThrownBy(() -> refunds.withdraw(id, "changed my mind", "amy")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("REQUEST_NOT_WITHDRAWABLE"));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("completed").hasNotPassed("withdrawn");
        assertThat(requestOf(pi).status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(sales.tickets(c.ticketIds())).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.REFUNDED));
        // and a second request for the ticket is refused: it is no longer sold
        assertThatThrownBy(() -> fixture.refund(c, RefundReason.TICKET_DEFECT)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("TICKET_NOT_SOLD"));
        assertThat(sales.payments(null, RefundService.reference(id))).hasSize(1);
    }

    @Test
    void theRequesterMayNotReviewOrApproveAndNoOneTakesTwoApprovalSteps() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "3000.00", 4, 800);
        RefundRequestDetails opened = registration.open(new NewRefundRequest(c.orderId(), c.ticketIds(), RefundRequestType.REFUND,
                RefundReason.CUSTOMER_CHOICE, null, null), "amy", null);
        ProcessInstance pi = instance(opened);
        assertThat(pi).isWaitingAt("reviewRefund");
        assertThatThrownBy(() -> completeAs(pi, "amy", "customer-service", Map.of("reviewDecision", "APPROVE")))
                .hasRootCauseInstanceOf(org.ticketops.identity.FourEyesViolation.class).hasMessageContaining("FOUR_EYES");
        assertThat(pi).isWaitingAt("reviewRefund");
        tasks.setAssignee(taskOf(pi).getId(), null);

        // demo, in every group, reviews; then may not also approve as finance
        completeAs(pi, "demo", "customer-service", Map.of("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("approveLargeRefund");
        assertThatThrownBy(() -> completeAs(pi, "demo", "finance", Map.of("financeDecision", "APPROVE")))
                .hasRootCauseInstanceOf(org.ticketops.identity.FourEyesViolation.class);
        tasks.setAssignee(taskOf(pi).getId(), null);
        completeAs(pi, "fiona", "finance", Map.of("financeDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("payRefund");
    }

    @Test
    void aCustomerWithoutContactGetsTheRefundAndTheTrailSaysSo() {
        var c = fixture.orderForCustomerWithoutContact(TicketType.STANDARD, "480.00", 1, 800);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        jobs.executeJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("notifyCustomer", "completed");
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(requestOf(pi).status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(refunds.details(requestOf(pi).id()).trail()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CUSTOMER_NOT_NOTIFIED");
            assertThat(e.detail()).contains("no e-mail address or phone number");
        });
    }

    @Test
    void aStartCannotTakeOverAnExistingRequestNorNameTheRequester() {
        var c = fixture.order(MemberTier.NONE, TicketType.VIP, "1280.00", 2, 400);
        ProcessInstance pi = instance(fixture.refund(c, RefundReason.CUSTOMER_CHOICE));
        completeAs(pi, "carl", "customer-service", Map.of("reviewDecision", "REJECT", "reviewComment", "fraud suspicion"));
        long rejected = requestOf(pi).id();
        long processes = runtime.createProcessInstanceQuery().processDefinitionKey(RefundService.PROCESS_KEY).count();

        identity.setAuthentication("amy", List.of("customer-service"));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY,
                    Map.of("requestId", rejected))).hasMessageContaining("requestId");
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                    "orderId", c.orderId(), "ticketIds", String.valueOf(c.ticketIds().get(0)), "requestType", "REFUND",
                    "reason", "CUSTOMER_CHOICE", "requestedBy", "carl"))).hasMessageContaining("requestedBy");
        } finally {
            identity.clearAuthentication();
        }
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                "orderId", c.orderId(), "ticketIds", String.valueOf(c.ticketIds().get(0)), "requestType", "REFUND",
                "reason", "CUSTOMER_CHOICE"))).hasMessageContaining("signed-in user");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RefundService.PROCESS_KEY).count()).isEqualTo(processes);
        assertThat(refunds.request(rejected).status()).isEqualTo(RefundRequestStatus.REJECTED);
        assertThat(sales.payments(null, RefundService.reference(rejected))).isEmpty();
    }

    // ---- the Tasklist start form --------------------------------------------------------------

    @Test
    void staffCanRegisterARequestFromTheTasklistStartForm() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "480.00", 2, 800);
        identity.setAuthentication("carl", List.of("customer-service"));
        ProcessInstance pi = runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                "orderId", (int) c.orderId(),          // a Camunda Form sends whole numbers as integers
                "ticketIds", c.ticketIds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                "requestType", "REFUND", "reason", "CUSTOMER_CHOICE", "note", "phone call"));
        identity.clearAuthentication();
        started.add(pi.getId());
        RefundRequest request = refunds.byProcessInstance(pi.getId()).orElseThrow();
        assertThat(pi).hasBusinessKey(String.valueOf(request.id())).isWaitingAt("payRefund");
        assertThat(request.requestedBy()).isEqualTo("carl");
        assertThat(request.note()).isEqualTo("phone call");
        assertThat(refunds.details(request.id()).feeLines()).hasSize(2);
    }

    @Test
    void aBadStartFormIsRefusedAndNothingIsWritten() {
        var c = fixture.order(MemberTier.GOLD, TicketType.STANDARD, "480.00", 1, 800);
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(RefundService.PROCESS_KEY).count();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                "orderId", c.orderId(), "ticketIds", "12x", "requestType", "REFUND", "reason", "CUSTOMER_CHOICE")))
                .hasMessageContaining("ticketIds");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                "orderId", c.orderId(), "ticketIds", String.valueOf(c.ticketIds().get(0)), "requestType", "EXCHANGE",
                "reason", "CUSTOMER_CHOICE"))).hasMessageContaining("targetCategoryId");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RefundService.PROCESS_KEY).count()).isEqualTo(before);
        assertThat(refunds.list(null, c.customer().id(), new org.ticketops.web.PageRequest(0, 10)).totalItems()).isZero();
    }

    /** Runs last (alphabetical order is not guaranteed, so it checks at the end of the class). */
    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        RepositoryService repository = processEngine.getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(RefundService.PROCESS_KEY).latestVersion().singleResult();
        Set<String> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
        nodes.remove("decideAndCollect"); // the sub-process: its inner nodes are counted
        Set<String> missed = new java.util.TreeSet<>(nodes);
        missed.removeAll(PASSED);
        System.out.printf("refundExchange flow-node coverage: %d of %d (%.0f %%)%s%n", nodes.size() - missed.size(),
                nodes.size(), 100.0 * (nodes.size() - missed.size()) / nodes.size(), missed.isEmpty() ? "" : ", missed " + missed);
        assertThat(missed).as("flow nodes no test passed").isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ProcessInstance instance(RefundRequestDetails details) {
        String id = details.request().processInstanceId();
        started.add(id);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (instance != null) {
            return instance;
        }
        // already ended: camunda-bpm-assert reads it from history
        return new EndedInstance(id);
    }

    private RefundRequest requestOf(ProcessInstance pi) {
        return refunds.byProcessInstance(pi.getId()).orElseThrow();
    }

    private Task taskOf(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    /** Completes the process's one task as a Tasklist user of the given group would. */
    private void completeAs(ProcessInstance pi, String user, String group, Map<String, Object> variables) {
        Task task = taskOf(pi);
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A stand-in for an instance that ended before its start call returned. */
    private record EndedInstance(String getId) implements ProcessInstance {
        public String getProcessInstanceId() { return getId; }
        public String getProcessDefinitionId() { return null; }
        public String getProcessDefinitionKey() { return RefundService.PROCESS_KEY; }
        public String getBusinessKey() { return null; }
        public String getRootProcessInstanceId() { return getId; }
        public String getCaseInstanceId() { return null; }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return true; }
        public String getTenantId() { return null; }
    }
}
