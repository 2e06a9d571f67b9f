package org.ticketops.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Clock;
import java.time.Duration;
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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.ProblemException;

/**
 * Every path of processes/complaint-handling.bpmn on the real engine: the routing of each category, the deadlines by
 * severity and their cap before a show, the 75 % warning and the breach of each deadline, escalation at each level,
 * the clock paused while waiting for the customer (from either step, deadlines moved by the pause), satisfied at
 * once, and not satisfied up to the general manager's closing. The last check proves that the tests together pass
 * every flow node, and prints the figure.
 */
@TicketOpsTest
class ComplaintProcessTest {

    private static final Set<String> PASSED = new HashSet<>();
    private static final org.assertj.core.data.TemporalUnitOffset SECOND =
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS);
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
    ComplaintService complaints;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TestData data;
    @Autowired
    Engine jobs;
    @Autowired
    Clock clock;
    @Autowired
    org.ticketops.refund.RefundService refunds;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
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

    @Test
    void eachCategoryGoesToItsGroupWithTheDeadlinesOfItsSeverity() {
        Map<ComplaintCategory, String> groups = Map.of(ComplaintCategory.TICKETING_ERROR, "ticket-sales",
                ComplaintCategory.REFUND, "finance", ComplaintCategory.PAYMENT, "finance",
                ComplaintCategory.SERVICE_ATTITUDE, "customer-service", ComplaintCategory.OTHER, "customer-service",
                ComplaintCategory.EVENT_QUALITY, "operations-manager");
        groups.forEach((category, group) -> assertThat(register(customer(), category, ComplaintSeverity.LOW, null)
                .responsibleGroup()).as(category.name()).isEqualTo(group));
        Map<ComplaintSeverity, Duration[]> deadlines = Map.of(
                ComplaintSeverity.LOW, new Duration[]{Duration.ofHours(24), Duration.ofDays(5)},
                ComplaintSeverity.MEDIUM, new Duration[]{Duration.ofHours(8), Duration.ofDays(3)},
                ComplaintSeverity.HIGH, new Duration[]{Duration.ofHours(4), Duration.ofDays(1)},
                ComplaintSeverity.CRITICAL, new Duration[]{Duration.ofHours(1), Duration.ofHours(8)});
        deadlines.forEach((severity, due) -> {
            Complaint c = register(customer(), ComplaintCategory.OTHER, severity, null);
            assertThat(Duration.between(c.registeredAt(), c.firstResponseDue())).as(severity.name()).isEqualTo(due[0]);
            assertThat(Duration.between(c.registeredAt(), c.resolutionDue())).as(severity.name()).isEqualTo(due[1]);
        });
        // a show in 10 hours: a MEDIUM complaint about it is resolved an hour before it starts, not in 3 days
        Show soon = data.show(data.event(), Duration.ofHours(10));
        Complaint aboutShow = register(customer(), ComplaintCategory.EVENT_QUALITY, ComplaintSeverity.MEDIUM, soon.id());
        assertThat(aboutShow.resolutionDue()).isEqualTo(soon.startsAt().minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> register(customer(), ComplaintCategory.OTHER, ComplaintSeverity.LOW, 999_999L))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void acknowledgedInvestigatedAndTheCustomerIsSatisfied() {
        Complaint complaint = register(customer(), ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.MEDIUM, null);
        ProcessInstance pi = instance(complaint);
        assertThat(pi).hasPassed("registerComplaint").isWaitingAt("acknowledge");
        assertThat(task(pi).getName()).isEqualTo("Acknowledge · " + complaint.complaintNumber() + " · Medium · Ticketing error");
        assertThat((String) tasks.getVariableLocal(task(pi).getId(), "complaintDescription")).isEqualTo(complaint.description());
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called back"));
        assertThat(pi).isWaitingAt("investigate");
        assertThat(candidateGroups(pi)).containsExactly("ticket-sales");
        complete(pi, "sam", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Seat printed twice",
                "rootCause", "SYSTEM", "resolution", "TICKET_REISSUE"));
        assertThat(pi).isWaitingAt("confirm");
        complete(pi, "amy", "customer-service", Map.of("satisfied", "true", "satisfactionScore", 5));
        assertThat(pi).hasPassed("resolved").isEnded();
        Complaint done = complaints.complaint(complaint.id());
        assertThat(done.status()).isEqualTo("RESOLVED");
        assertThat(done.satisfactionScore()).isEqualTo(5);
        assertThat(done.firstRespondedAt()).isNotNull();
        assertThat(complaints.breaches(complaint.id())).isEmpty();
    }

    @Test
    void theFirstResponseWarnsAt75PercentThenIsRecordedLateAndTheTaskStays() {
        Complaint complaint = register(customer(), ComplaintCategory.OTHER, ComplaintSeverity.LOW, null);
        ProcessInstance pi = instance(complaint);
        jobs.advance(Duration.ofHours(17).plusMinutes(50));
        jobs.executeJobs(pi.getId());
        assertThat(outbox.of(ComplaintCase.TYPE, complaint.id())).isEmpty();
        jobs.advance(Duration.ofMinutes(20)); // 18 h 10 min of 24 h
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("firstResponseWarning", "warnFirstResponse", "firstResponseWarned").isWaitingAt("acknowledge");
        assertThat(outbox.of(ComplaintCase.TYPE, complaint.id())).extracting(n -> n.template()).containsOnly("complaint-deadline-warning")
                .isNotEmpty();
        jobs.advance(Duration.ofHours(6));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("firstResponseLate", "recordFirstResponseBreach", "firstResponseBreached").isWaitingAt("acknowledge");
        assertThat(complaints.breaches(complaint.id())).singleElement().satisfies(b -> {
            assertThat(b.deadline()).isEqualTo(ComplaintEnums.Deadline.FIRST_RESPONSE);
            assertThat(b.level()).isZero();
        });
        assertThat(outbox.of(ComplaintCase.TYPE, complaint.id())).extracting(n -> n.recipient()).contains("olivia@ticketops.example");
    }

    @Test
    void aMissedResolutionGoesUpALevelEachTimeWithAFreshDeadline() {
        Complaint complaint = register(customer(), ComplaintCategory.REFUND, ComplaintSeverity.CRITICAL, null);
        ProcessInstance pi = instance(complaint);
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Apologised"));
        assertThat(candidateGroups(pi)).containsExactly("finance");
        jobs.advance(Duration.ofHours(6).plusMinutes(5)); // 75 % of 8 h
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("resolutionWarning", "warnResolution", "resolutionWarned").isWaitingAt("investigate");
        jobs.advance(Duration.ofHours(2));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("resolutionLate", "escalate").isWaitingAt("investigate");
        Complaint up = complaints.complaint(complaint.id());
        assertThat(up.level()).isEqualTo(1);
        assertThat(up.resolutionDue()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        assertThat(candidateGroups(pi)).containsExactly("operations-manager");
        assertThat(task(pi).getName()).endsWith("(level 1)");
        jobs.advance(Duration.ofHours(8).plusMinutes(1));
        jobs.executeJobs(pi.getId());
        assertThat(candidateGroups(pi)).containsExactly("general-manager");
        jobs.advance(Duration.ofHours(8).plusMinutes(1));
        jobs.executeJobs(pi.getId());
        assertThat(complaints.complaint(complaint.id()).level()).isEqualTo(2);
        assertThat(complaints.breaches(complaint.id())).extracting(ComplaintBreach::level).containsExactly(0, 1, 2);
        assertThat(candidateGroups(pi)).containsExactly("general-manager");
    }

    @Test
    void waitingForTheCustomerStopsTheClockAndTheDeadlinesMoveByThePause() {
        Complaint complaint = register(customer(), ComplaintCategory.PAYMENT, ComplaintSeverity.HIGH, null);
        ProcessInstance pi = instance(complaint);
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "WAITING_FOR_CUSTOMER",
                "acknowledgeNote", "Asked for the bank statement"));
        assertThat(pi).isWaitingAt("waitReply");
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("WAITING_FOR_CUSTOMER");
        jobs.advance(Duration.ofHours(5)); // longer than the 4 h first response: no breach while paused
        jobs.executeJobs(pi.getId());
        assertThat(complaints.breaches(complaint.id())).isEmpty();
        complaints.customerReplied(complaint.id(), "Statement attached: charged twice", "carl");
        assertThat(pi).hasPassed("resumeClock").isWaitingAt("acknowledge");
        Complaint resumed = complaints.complaint(complaint.id());
        // (the test's clock ran a few milliseconds before it was set forward)
        assertThat(resumed.firstResponseDue()).isCloseTo(complaint.firstResponseDue().plus(Duration.ofHours(5)), SECOND);
        assertThat(resumed.resolutionDue()).isCloseTo(complaint.resolutionDue().plus(Duration.ofHours(5)), SECOND);
        assertThat(resumed.pausedSeconds()).isEqualTo(Duration.ofHours(5).toSeconds());
        assertThat(complaints.pauses(complaint.id())).singleElement().satisfies(p -> {
            assertThat(p.asked()).isEqualTo("Asked for the bank statement");
            assertThat(p.reply()).isEqualTo("Statement attached: charged twice");
        });
        assertThatThrownBy(() -> complaints.customerReplied(complaint.id(), "again", "carl"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("NOT_WAITING_FOR_CUSTOMER"));

        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Confirmed"));
        complete(pi, "fiona", "finance", Map.of("investigationOutcome", "WAITING_FOR_CUSTOMER", "findings", "Which card?"));
        jobs.advance(Duration.ofHours(2));
        complaints.customerReplied(complaint.id(), "The Visa", "carl");
        assertThat(pi).isWaitingAt("investigate");
        assertThat(complaints.complaint(complaint.id()).resolutionDue())
                .isCloseTo(complaint.resolutionDue().plus(Duration.ofHours(7)), SECOND);
    }

    @Test
    void notSatisfiedTwiceGoesUpToTheGeneralManagerWhoClosesItUnresolved() {
        Complaint complaint = register(customer(), ComplaintCategory.SERVICE_ATTITUDE, ComplaintSeverity.MEDIUM, null);
        ProcessInstance pi = instance(complaint);
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Listened"));
        String[][] levels = {{"carl", "customer-service"}, {"olivia", "operations-manager"}, {"gary", "general-manager"}};
        for (int level = 0; level < 3; level++) {
            assertThat(candidateGroups(pi)).containsExactly(levels[level][1]);
            complete(pi, levels[level][0], levels[level][1], Map.of("investigationOutcome", "PROPOSED", "findings",
                    "Spoke with the staff member", "rootCause", "STAFF", "resolution", "APOLOGY"));
            complete(pi, "amy", "customer-service", Map.of("satisfied", "false", "satisfactionScore", 1,
                    "confirmationComment", "Not enough"));
        }
        assertThat(pi).isWaitingAt("closeUnresolved");
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("CLOSING_UNRESOLVED");
        complete(pi, "gary", "general-manager", Map.of("closingComment", "Offered everything we can"));
        assertThat(pi).hasPassed("unresolved").isEnded();
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("UNRESOLVED");
    }

    @Test
    void aVoucherIsSuggestedByTheTableIssuedAsACreditNoteAndAboveTheLimitsApprovedFirst() {
        Customer customer = customer();
        Show show = data.show(data.event(), Duration.ofDays(20));
        var small = data.order(customer, data.category(show, TicketType.STANDARD, "480.00", 10), 1);
        Complaint medium = registerAbout(customer, small.order().id(), ComplaintSeverity.MEDIUM);
        ProcessInstance pi = instance(medium);
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Sorry"));
        assertThatThrownBy(() -> complete(pi, "sam", "ticket-sales", Map.of("investigationOutcome", "PROPOSED",
                "findings", "Printed twice", "rootCause", "SYSTEM", "resolution", "COMPENSATION_VOUCHER", "compensationAmount", "90.00")))
                .hasMessageContaining("compensationComment");
        complete(pi, "sam", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Printed twice",
                "rootCause", "SYSTEM", "resolution", "COMPENSATION_VOUCHER"));
        // MEDIUM: 15 % of 480.00 = 72.00 (cap 500.00), no approval needed
        Complaint vouchered = complaints.complaint(medium.id());
        assertThat(vouchered.compensationSuggested()).isEqualByComparingTo("72.00");
        assertThat(vouchered.compensationAmount()).isEqualByComparingTo("72.00");
        assertThat(vouchered.voucherNumber()).matches("CN-\\d{6}");
        assertThat(vouchered.status()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(pi).hasPassed("voucherGw", "voucherJoin", "issueVoucher", "confirmJoin").isWaitingAt("confirm");

        var large = data.order(customer, data.category(show, TicketType.VIP, "1200.00", 10), 5); // 6,000.00
        Complaint high = registerAbout(customer, large.order().id(), ComplaintSeverity.HIGH);
        ProcessInstance second = instance(high);
        complete(second, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Sorry"));
        user("vera", "ticket-sales", "operations-manager");
        complete(second, "vera", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Wrong seats",
                "rootCause", "PROCESS", "resolution", "COMPENSATION_VOUCHER"));
        // HIGH: 30 % of 6,000.00 capped at 1,500.00: above 500.00, so the operations manager approves
        assertThat(second).isWaitingAt("approveCompensation");
        assertThat(candidateGroups(second)).containsExactly("operations-manager");
        assertThatThrownBy(() -> complete(second, "vera", "operations-manager", Map.of("compensationDecision", "APPROVE")))
                .hasMessageContaining("FOUR_EYES");
        complete(second, "olivia", "operations-manager", Map.of("compensationDecision", "REJECT",
                "compensationDecisionComment", "An apology is enough here"));
        assertThat(second).hasPassed("compensationGw").isWaitingAt("investigate");
        complete(second, "vera", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Wrong seats",
                "rootCause", "PROCESS", "resolution", "COMPENSATION_VOUCHER", "compensationAmount", "2500.00",
                "compensationComment", "Their wedding anniversary was spoilt"));
        assertThat(candidateGroups(second)).containsExactly("general-manager");
        complete(second, "gary", "general-manager", Map.of("compensationDecision", "APPROVE"));
        assertThat(second).isWaitingAt("confirm");
        Complaint approved = complaints.complaint(high.id());
        assertThat(approved.compensationAmount()).isEqualByComparingTo("2500.00");
        assertThat(approved.compensationSuggested()).isEqualByComparingTo("1500.00");
        assertThat(approved.compensationApprovedBy()).isEqualTo("gary");
        assertThat(approved.voucherNumber()).isNotNull();
    }

    @Test
    void aRefundResolutionStartsARefundRequestAndTheComplaintWaitsForItsEnd() {
        Customer customer = customer();
        jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", customer.id());
        Show show = data.show(data.event(), Duration.ofDays(20));
        var order = data.order(customer, data.category(show, TicketType.STANDARD, "380.00", 10), 2);
        Complaint complaint = registerAbout(customer, order.order().id(), ComplaintSeverity.HIGH);
        ProcessInstance pi = instance(complaint);
        complete(pi, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Sorry"));
        complete(pi, "sam", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Barcodes invalid",
                "rootCause", "SYSTEM", "resolution", "REFUND"));
        assertThat(pi).hasPassed("refundGw", "startRefund").isWaitingAt("waitRefund");
        Complaint waiting = complaints.complaint(complaint.id());
        assertThat(waiting.refundRequestId()).isNotNull();
        var refund = refunds.details(waiting.refundRequestId());
        assertThat(refund.request().reason()).isEqualTo(org.ticketops.refund.RefundReason.TICKET_DEFECT);
        assertThat(refund.request().note()).contains(complaint.complaintNumber());
        // the refund is reviewed (a ticket defect always is) and paid; its end moves the complaint on
        Task review = tasks.createTaskQuery().processInstanceId(refund.request().processInstanceId()).singleResult();
        identity.setAuthentication("carl", List.of("customer-service"));
        try {
            tasks.claim(review.getId(), "carl");
            tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
        } finally {
            identity.clearAuthentication();
        }
        jobs.executeJobs(refund.request().processInstanceId());
        assertThat(refunds.details(waiting.refundRequestId()).request().status())
                .isEqualTo(org.ticketops.refund.RefundRequestStatus.COMPLETED);
        assertThat(pi).hasPassed("waitRefund", "recordRefund", "confirmJoin").isWaitingAt("confirm");
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("AWAITING_CONFIRMATION");
        // the ended refund asks the customer how it went
        assertThat(outbox.of(org.ticketops.refund.RefundService.SUBJECT, waiting.refundRequestId()))
                .extracting(n -> n.template()).contains("refund-completed", "survey-invitation");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Complaint registerAbout(Customer customer, long orderId, ComplaintSeverity severity) {
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), orderId, null, ComplaintEnums.Channel.ONLINE,
                ComplaintCategory.TICKETING_ERROR, severity, "The tickets were wrong"), "amy");
        started.add(complaint.processInstanceId());
        return complaint;
    }

    private void user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword("Complain-Ts-2026!x");
            user.setEmail(id + "@ticketops.example");
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        RepositoryService repository = processEngine.getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ComplaintCase.PROCESS_KEY).latestVersion().singleResult();
        Set<String> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> missed = new java.util.TreeSet<>(nodes);
        missed.removeAll(PASSED);
        System.out.printf("complaintHandling flow-node coverage: %d of %d (%.0f %%)%s%n", nodes.size() - missed.size(),
                nodes.size(), 100.0 * (nodes.size() - missed.size()) / nodes.size(), missed.isEmpty() ? "" : ", missed " + missed);
        assertThat(missed).as("flow nodes no test passed").isEmpty();
    }

    private Customer customer() {
        return data.customer(MemberTier.NONE);
    }

    private Complaint register(Customer customer, ComplaintCategory category, ComplaintSeverity severity, Long showId) {
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, showId, ComplaintEnums.Channel.PHONE,
                category, severity, "Staff were rude at gate 3 – \"unacceptable\" <b>really</b>"), "amy");
        started.add(complaint.processInstanceId());
        return complaint;
    }

    private ProcessInstance instance(Complaint complaint) {
        return runtime.createProcessInstanceQuery().processInstanceId(complaint.processInstanceId()).singleResult();
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private List<String> candidateGroups(ProcessInstance pi) {
        return tasks.getIdentityLinksForTask(task(pi).getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

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
                tasks.setAssignee(task.getId(), null);
            }
        }
    }
}
