package org.ticketops.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.survey.SurveyService;

/**
 * The daily return visits on the real engine: a customer whose complaint closed a week ago and who answered its
 * survey yesterday with a low score gets two Return calls; one call finds a new problem and opens a follow-up
 * complaint; the next run plans nothing twice and ends with nobody to call. Every flow node is passed.
 */
@TicketOpsTest
class ReturnVisitProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ComplaintService complaints;
    @Autowired
    SurveyService surveys;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Engine jobs;

    @AfterEach
    void resetClock() {
        jobs.resetClock();
    }

    private String runToday() {
        Job timer = management.createJobQuery().processDefinitionKey("returnVisit").timers().singleResult();
        Set<String> before = new HashSet<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("returnVisit").list().stream().map(p -> p.getId()).toList());
        management.executeJob(timer.getId());
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("returnVisit").list()
                .stream().filter(p -> !before.contains(p.getId())).findFirst().orElseThrow().getId();
    }

    @Test
    void theDayAfterAShowEveryPlatinumBuyerAndASampleOfTheOthersAreAskedHowItWas() {
        var show = data.show(data.event(), Duration.ofDays(2));
        var category = data.category(show, org.ticketops.catalog.TicketType.STANDARD, "280.00", 60);
        Customer platinum = data.customer(MemberTier.PLATINUM);
        jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", platinum.id());
        data.order(platinum, category, 1);
        for (int i = 0; i < 30; i++) {
            Customer buyer = data.customer(MemberTier.NONE);
            jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", buyer.id());
            data.order(buyer, category, 1);
        }
        jobs.advance(Duration.ofDays(3)); // the show was yesterday
        String run = runToday();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run)
                .activityId("inviteAudiences").count()).isEqualTo(1);
        List<String> invited = jdbc.queryForList("SELECT customer_id FROM to_surveys WHERE subject_type = 'SHOW' AND subject_id = ?",
                String.class, String.valueOf(show.id()));
        assertThat(invited).contains(String.valueOf(platinum.id()));
        assertThat(invited.size()).as("the PLATINUM buyer and about a tenth of the other 30").isBetween(1, 12);
        for (Task call : tasks.createTaskQuery().processInstanceId(run).list()) { // other tests' calls of the day
            tasks.setAssignee(call.getId(), "amy");
            tasks.complete(call.getId(), Map.of("callOutcome", "NOT_REACHED"));
        }
        assertThat(surveys.inviteAudiences(java.time.LocalDate.ofInstant(show.startsAt(), java.time.ZoneId.of("Asia/Shanghai"))))
                .as("a repeated run invites nobody twice").isZero();
    }

    @Test
    void aWeekAfterItClosedAndAfterALowScoreTheCustomerIsCalledBack() {
        Customer customer = data.customer(MemberTier.NONE);
        jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", customer.id());
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, null, ComplaintEnums.Channel.PHONE,
                ComplaintCategory.OTHER, ComplaintSeverity.LOW, "Nobody answered the hotline"), "amy");
        for (Map<String, Object> step : List.of(
                Map.<String, Object>of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called back"),
                Map.<String, Object>of("investigationOutcome", "PROPOSED", "findings", "Understaffed", "rootCause", "STAFF",
                        "resolution", "APOLOGY"),
                Map.<String, Object>of("satisfied", "true", "satisfactionScore", 3))) {
            Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
            tasks.setAssignee(task.getId(), "carl");
            tasks.complete(task.getId(), step);
        }
        jobs.advance(Duration.ofDays(6));
        String token = jdbc.queryForObject("SELECT token FROM to_surveys WHERE subject_id = ?", String.class,
                String.valueOf(complaint.id()));
        surveys.submit(token, 1, 2, "Still annoyed");
        jobs.advance(Duration.ofDays(1));

        String run = runToday();
        List<Task> calls = tasks.createTaskQuery().processInstanceId(run).list();
        List<Task> ours = calls.stream().filter(t -> t.getName().contains(complaint.complaintNumber())
                || t.getName().contains(customer.name())).sorted(Comparator.comparing(Task::getName)).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours).extracting(Task::getName).anySatisfy(n -> assertThat(n).contains("complaint closed a week ago"))
                .anySatisfy(n -> assertThat(n).contains("low survey score"));
        long complaintsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM to_complaints WHERE customer_id = ?", Long.class, customer.id());
        for (Task call : calls) {
            tasks.setAssignee(call.getId(), "amy");
            boolean first = call.getId().equals(ours.get(0).getId());
            tasks.complete(call.getId(), first ? Map.of("callOutcome", "REACHED", "callNotes", "Still unhappy",
                    "followUpComplaint", "The refund has not arrived") : Map.of("callOutcome", "NOT_REACHED"));
        }
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run).activityId("callsMade").count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_complaints WHERE customer_id = ?", Long.class, customer.id()))
                .isEqualTo(complaintsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_return_calls WHERE customer_id = ? AND follow_up_complaint_id IS NOT NULL",
                Long.class, customer.id())).isEqualTo(1);

        String again = runToday();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(again).activityId("nobodyToCall").count())
                .isEqualTo(1);
        Set<String> passed = new HashSet<>();
        for (String id : List.of(run, again)) {
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list().forEach(a -> passed.add(a.getActivityId()));
        }
        passed.remove("returnCall#multiInstanceBody");
        System.out.printf("returnVisit flow-node coverage: %d of 7%n", passed.size());
        assertThat(passed).containsExactlyInAnyOrder("everyMorning", "inviteAudiences", "planCalls", "anyCallsGw", "returnCall", "callsMade",
                "nobodyToCall");
    }
}
