package org.ticketops.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.identity.Grants;
import org.ticketops.monitor.MonitorProbe;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestDetails;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.Sale;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * KPIs from a known history: a new member of customer service works a month on real processes under a controlled clock
 * (complaints acknowledged and then rated, a refund reviewed, tasks of a process no code knows completed after known
 * waits, one deadline fired on a task they held and one on a task they never finished, sales recorded under their
 * name), beside work of others and work after the month. Every figure is then checked against the hand count.
 */
@TicketOpsTest
class PerformanceKpiTest {

    private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    KpiCollector kpis;
    @Autowired
    ReviewDriver driver;
    @Autowired
    Engine jobs;
    @Autowired
    TestData data;
    @Autowired
    ComplaintService complaints;
    @Autowired
    RefundRegistration refunds;
    @Autowired
    SalesService sales;
    @Autowired
    TransactionTemplate transactions;
    private String employee;

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        jobs.resetClock();
        if (employee != null) { // later cycles of other tests review only the people they know
            identity.deleteUser(employee);
        }
    }

    @Test
    void aMonthOfWorkGivesTheHandCountedKpis() {
        employee = "kpi" + System.nanoTime();
        User user = identity.newUser(employee);
        user.setPassword("Kpi-Collect-2026!x");
        user.setEmail(employee + "@ticketops.example");
        identity.saveUser(user);
        identity.createMembership(employee, "customer-service");
        if (identity.createGroupQuery().groupId("monitor-probe-desk").count() == 0) {
            var desk = identity.newGroup("monitor-probe-desk");
            desk.setName("Probe desk");
            identity.saveGroup(desk);
        }
        identity.createMembership(employee, "monitor-probe-desk");
        if (identity.createUserQuery().userId("carl").memberOfGroup("monitor-probe-desk").count() == 0) {
            identity.createMembership("carl", "monitor-probe-desk");
        }
        String probe = MonitorProbe.deploy(engine.getRepositoryService(), "kpiProbe");
        Grants.grant(authorizations, "monitor-probe-desk", Resources.PROCESS_DEFINITION, probe, Permissions.READ,
                Permissions.READ_HISTORY);

        YearMonth period = driver.freePeriod();
        Instant t0 = period.atDay(3).atTime(9, 0).atZone(CENTER).toInstant();
        ClockUtil.setCurrentTime(Date.from(t0));

        // two complaints they acknowledge at once (wait 0), later rated 4 and 5 by the customers
        Customer customer = data.customer(MemberTier.SILVER);
        for (int score : new int[]{4, 5}) {
            Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, null, ComplaintEnums.Channel.PHONE,
                    ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.LOW, "Seat printed twice"), "amy");
            complete(only(complaint.processInstanceId()), employee, Map.of("acknowledgeOutcome", "CONTACTED",
                    "acknowledgeNote", "Called back"));
            complete(only(complaint.processInstanceId()), "sam", Map.of("investigationOutcome", "PROPOSED", "findings",
                    "Printed twice", "rootCause", "SYSTEM", "resolution", "TICKET_REISSUE"));
            complete(only(complaint.processInstanceId()), "amy", Map.of("satisfied", "true", "satisfactionScore", score));
        }

        // a refund they review after 30 minutes
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 100);
        OrderDetails bought = data.order(customer, category, 1);
        RefundRequestDetails refund = refunds.open(new NewRefundRequest(bought.order().id(),
                bought.tickets().stream().map(t -> t.id()).toList(), RefundRequestType.REFUND, RefundReason.TICKET_DEFECT,
                null, "kpi"), "sam", null);
        jobs.advance(Duration.ofMinutes(30));
        complete(only(refund.request().processInstanceId()), employee, Map.of("reviewDecision", "APPROVE"));

        // six tasks of a process no code knows: four done after 1, 2, 3 and 5 hours, the last after its deadline (4 h)
        // fired while they held it; one held by carl past the deadline; one they hold into the next month
        List<ProcessInstance> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(probe);
            probes.add(pi);
            engine.getTaskService().claim(only(pi.getId()).getId(), i == 4 ? "carl" : employee);
        }
        jobs.advance(Duration.ofHours(1));
        complete(only(probes.get(0).getId()), employee, Map.of("approved", true));
        jobs.advance(Duration.ofHours(1));
        complete(only(probes.get(1).getId()), employee, Map.of("approved", true));
        runJobs(probes); // the warnings at 2 h: not deadlines
        jobs.advance(Duration.ofHours(1));
        complete(only(probes.get(2).getId()), employee, Map.of("approved", false));
        jobs.advance(Duration.ofHours(1).plusMinutes(1));
        runJobs(probes); // the deadlines at 4 h: probes 3, 4 (carl's) and 5
        jobs.advance(Duration.ofMinutes(59));
        complete(only(probes.get(3).getId()), employee, Map.of("approved", true));

        // sales under their name: 3 × 480 + 1 × 1,000; one by someone else
        TicketCategory dear = data.category(show, TicketType.VIP, "1000.00", 10);
        sell(employee, show, category, 3);
        sell(employee, show, dear, 1);
        sell("sam", show, dear, 2);

        // next month: the held task done, another sale: none of it counts
        ClockUtil.setCurrentTime(Date.from(period.plusMonths(1).atDay(2).atStartOfDay(CENTER).toInstant()));
        complete(only(probes.get(5).getId()), employee, Map.of("approved", true));
        sell(employee, show, category, 5);
        complete(only(probes.get(4).getId()), "carl", Map.of("approved", true));

        Kpis figures = kpis.collect(employee, period);
        assertThat(figures.tasksCompleted()).isEqualTo(7); // 2 acknowledgements, 1 refund review, 4 probe tasks
        assertThat(figures.waitP50Seconds()).isEqualTo(3600); // of 0, 0, 30 min, 1 h, 2 h, 3 h, 5 h
        assertThat(figures.waitP90Seconds()).isEqualTo(5 * 3600);
        assertThat(figures.deadlinesBreached()).isEqualTo(2);
        assertThat(figures.satisfaction()).isEqualByComparingTo("4.50");
        assertThat(figures.ratedComplaints()).isEqualTo(2);
        assertThat(figures.refundsHandled()).isEqualTo(1);
        assertThat(figures.ticketsSold()).isEqualTo(4);
        assertThat(figures.revenue()).isEqualByComparingTo("2440.00");
        assertThat(figures.method()).contains("Period: " + period.atDay(1) + " to " + period.atEndOfMonth());

        Kpis carls = kpis.collect("carl", period);
        assertThat(carls.deadlinesBreached()).isGreaterThanOrEqualTo(1);
        Kpis nextMonth = kpis.collect(employee, period.plusMonths(1));
        assertThat(nextMonth.tasksCompleted()).isEqualTo(1);
        assertThat(nextMonth.ticketsSold()).isEqualTo(5);
        assertThat(nextMonth.deadlinesBreached()).isZero();
        assertThat(nextMonth.satisfaction()).isNull();
    }

    private Task only(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        driver.complete(task, user, variables);
    }

    private void runJobs(List<ProcessInstance> instances) {
        instances.forEach(pi -> jobs.executeJobs(pi.getId()));
    }

    private void sell(String seller, Show show, TicketCategory category, int quantity) {
        BigDecimal total = category.price().multiply(BigDecimal.valueOf(quantity));
        transactions.executeWithoutResult(s -> sales.recordSale(new Sale(data.customer(MemberTier.NONE).id(), show.id(),
                SalesChannel.BOX_OFFICE, seller, List.of(new Sale.Line(category.id(), quantity, category.price(), total,
                BigDecimal.ZERO.setScale(2), total)), "", null, null, null, null, null, null), ClockUtil.getCurrentTime().toInstant()));
    }
}
