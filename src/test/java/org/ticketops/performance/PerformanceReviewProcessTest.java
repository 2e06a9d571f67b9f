package org.ticketops.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.ticketops.performance.ReviewDriver.scores;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.casework.CaseService;
import org.ticketops.support.Engine;
import org.ticketops.support.ProcessPaths;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.InvalidField;

/**
 * Every path of processes/performance-review.bpmn on the real engine: self-assessment done and timed out, the table's
 * grade followed and overridden (only with a comment), calibration within the pools and over one (only with HR's
 * reason), grade D's improvement plan, results accepted, appealed and kept, appealed and changed, and accepted by
 * silence; two A grades making a promotion; a second cycle of a month refused; the monthly schedule. The last check
 * proves that the tests together pass every flow node.
 */
@TicketOpsTest
class PerformanceReviewProcessTest {

    private static final ProcessPaths PATHS = new ProcessPaths(PerformanceCycleCase.PROCESS_KEY);
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    ReviewDriver driver;
    @Autowired
    PerformanceCycles cycles;
    @Autowired
    PerformanceReviews reviews;
    @Autowired
    CaseService cases;
    @Autowired
    Engine jobs;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        processEngine = engine;
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        jobs.resetClock();
        PATHS.collect(engine, started);
    }

    @Test
    void aCycleTakesEachReviewDownItsOwnPath() {
        YearMonth period = driver.freePeriod();
        ProcessInstance pi = start(period);
        assertThat(pi).hasPassed("registerCycle", "collectKpis").isWaitingAt("selfAssessment");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo("PC-" + period);
        List<Review> all = driver.reviews(period);
        assertThat(all).extracting(Review::employee).contains("amy", "carl", "demo", "sam", "fiona", "paul")
                .doesNotContain("olivia", "gary", "hanna").doesNotHaveDuplicates();
        assertThat(driver.review(period, "sam").staffGroup()).isEqualTo(StaffGroup.TICKET_SALES);
        assertThat(driver.review(period, "demo").staffGroup()).isEqualTo(StaffGroup.CUSTOMER_SERVICE); // first of its groups
        assertThat(all).allSatisfy(r -> {
            assertThat(r.collectedAt()).isNotNull();
            assertThat(r.kpiMethod()).contains("Tasks completed", "Deadlines breached");
            assertThat(r.status()).isEqualTo("COLLECTED");
        });

        // each self-assessment is its employee's own, with hr to follow up, and shows only their own figures
        Task amys = driver.task(pi, "selfAssessment", "amy");
        assertThat(amys.getAssignee()).isEqualTo("amy");
        assertThat(amys.getName()).isEqualTo("Self-assessment · amy · " + period);
        assertThat(candidates(amys)).containsExactly("hr");
        assertThat(amys.getDueDate()).isCloseTo(java.util.Date.from(amys.getCreateTime().toInstant().plus(Duration.ofDays(5))), 1000);
        assertThat((String) tasks.getVariableLocal(amys.getId(), "reviewTitle")).contains("amy").doesNotContain("carl");
        assertThat((String) tasks.getVariableLocal(amys.getId(), "kpiSummary")).contains("| Tasks completed | 0 |");
        assertRefused(() -> driver.complete(amys, "hanna", scores("self", 4, 4, 4)))
                .isInstanceOf(PerformanceProblems.NotYours.class).hasMessageContaining("review");
        assertRefused(() -> driver.complete(amys, "amy", scores("self", 6, 4, 4)))
                .isInstanceOf(InvalidField.class).hasMessageContaining("selfResults");

        // everyone but carl assesses themselves; carl's time runs out
        for (Task task : driver.tasks(pi, "selfAssessment")) {
            if (!task.getAssignee().equals("carl")) {
                Map<String, Object> answer = new HashMap<>(scores("self", 4, 5, 4));
                answer.put("selfComment", "Cleared the backlog before the holiday");
                driver.complete(task, task.getAssignee(), answer);
            }
        }
        assertThat(driver.review(period, "amy").selfComment()).isEqualTo("Cleared the backlog before the holiday");
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("selfResults", "selfComment");
        jobs.advance(Duration.ofDays(5).plusMinutes(1));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("selfAssessmentTimeout", "noteSelfAssessmentMissed");
        assertThat(driver.review(period, "carl").status()).isEqualTo("SELF_ASSESSMENT_MISSED");
        assertThat((String) tasks.getVariableLocal(driver.task(pi, "managerReview", "carl").getId(), "selfSummary"))
                .startsWith("Not done within 5 days");

        // the manager: the table's grade, or another one with a comment of at least 20 characters; never their own
        Task amyReview = driver.task(pi, "managerReview", "amy");
        driver.complete(amyReview, "olivia", scores("manager", 4, 4, 4));
        assertThat(driver.review(period, "amy")).satisfies(r -> {
            assertThat(r.suggestedGrade()).isEqualTo(Grade.B);
            assertThat(r.grade()).isEqualTo(Grade.B);
            assertThat(r.gradesTableVersion()).isPositive();
        });
        Task samReview = driver.task(pi, "managerReview", "sam");
        Map<String, Object> tooShort = new HashMap<>(scores("manager", 4, 4, 4));
        tooShort.put("managerGrade", "A");
        tooShort.put("managerComment", "Great month");
        assertRefused(() -> driver.complete(samReview, "olivia", tooShort)).isInstanceOf(InvalidField.class)
                .hasMessageContaining("managerComment");
        tooShort.put("managerComment", "Closed the two largest group sales of the year");
        driver.complete(samReview, "olivia", tooShort);
        assertThat(reviews.gradeChanges(driver.review(period, "sam").id())).singleElement().satisfies(c -> {
            assertThat(c.stage()).isEqualTo("MANAGER_REVIEW");
            assertThat(c.fromGrade()).isEqualTo(Grade.B);
            assertThat(c.toGrade()).isEqualTo(Grade.A);
            assertThat(c.changedBy()).isEqualTo("olivia");
        });
        driver.complete(driver.task(pi, "managerReview", "carl"), "olivia", scores("manager", 2, 2, 2));
        assertThat(driver.review(period, "carl").grade()).isEqualTo(Grade.D);
        Task demoReview = driver.task(pi, "managerReview", "demo");
        assertRefused(() -> driver.complete(demoReview, "demo", scores("manager", 5, 5, 5)))
                .isInstanceOf(PerformanceProblems.NotYours.class).hasMessageContaining("review");
        reviewTheRest(pi, period);
        assertThat(pi).isWaitingAt("calibrateGrades");

        // HR calibrates the whole cycle: a change needs a known employee, a grade and a reason
        Task calibration = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("calibrateGrades").singleResult();
        assertThat(calibration.getName()).isEqualTo("Calibrate grades · " + period);
        assertThat((String) tasks.getVariableLocal(calibration.getId(), "calibrationSummary")).contains("| A |", "Customer service");
        assertThat((String) tasks.getVariableLocal(calibration.getId(), "calibrationReviews")).contains("| amy |");
        assertRefused(() -> driver.complete(calibration, "hanna", Map.of("gradeChanges", "nobody, A, a reason long enough")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("no review of 'nobody'");
        assertRefused(() -> driver.complete(calibration, "hanna", Map.of("gradeChanges", "fiona, A, short")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("reason");
        assertRefused(() -> driver.complete(calibration, "hanna", Map.of("gradeChanges", "fiona, A, " + "x".repeat(2001))))
                .isInstanceOf(InvalidField.class).hasMessageContaining("reason");
        assertThat(driver.review(period, "fiona").grade()).isEqualTo(Grade.B);
        driver.complete(calibration, "hanna", Map.of("gradeChanges", calibration(period, Map.of("fiona", Grade.A))));
        assertThat(driver.review(period, "fiona").grade()).isEqualTo(Grade.A);
        assertThat(reviews.gradeChanges(driver.review(period, "fiona").id())).singleElement()
                .satisfies(c -> assertThat(c.stage()).isEqualTo("CALIBRATION"));
        assertThat(driver.cycle(period)).satisfies(c -> {
            assertThat(c.status()).isEqualTo("CALIBRATED");
            assertThat(c.calibratedBy()).isEqualTo("hanna");
            assertThat(c.overrunReason()).isNull();
        });

        // grade D: an improvement plan first
        Task plan = driver.task(pi, "improvementPlan", "carl");
        assertRefused(() -> driver.complete(plan, "olivia", Map.of("planGoals", "Answer every complaint within a day",
                "planReviewDate", "2000-01-01", "planTrainingNeeds", "Complaint handling course")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("planReviewDate");
        String reviewOn = LocalDate.now(ZoneId.of("UTC")).plusMonths(3).toString();
        driver.complete(plan, "olivia", Map.of("planGoals", "Answer every complaint within a day",
                "planReviewDate", reviewOn, "planTrainingNeeds", "Complaint handling course"));
        assertThat(driver.review(period, "carl").planReviewDate()).isEqualTo(reviewOn);
        for (Task others : driver.tasks(pi, "improvementPlan")) { // people other tests added, calibrated to D
            driver.complete(others, "olivia", Map.of("planGoals", "Meet the group's targets", "planReviewDate", reviewOn,
                    "planTrainingNeeds", "Coaching"));
        }

        // amy accepts; carl appeals and the grade is changed; sam appeals and the grade is kept
        driver.complete(driver.task(pi, "acknowledgeResult", "amy"), "amy", Map.of("acknowledgement", "ACCEPT"));
        Task carlsAnswer = driver.task(pi, "acknowledgeResult", "carl");
        assertRefused(() -> driver.complete(carlsAnswer, "carl", Map.of("acknowledgement", "APPEAL", "appealReason", "Unfair")))
                .isInstanceOf(InvalidField.class).hasMessageContaining("appealReason");
        driver.complete(carlsAnswer, "carl", Map.of("acknowledgement", "APPEAL",
                "appealReason", "I was on sick leave for two weeks of the month"));
        driver.complete(driver.task(pi, "acknowledgeResult", "sam"), "sam", Map.of("acknowledgement", "APPEAL",
                "appealReason", "I would like my group sales counted twice"));
        Task carlsAppeal = driver.task(pi, "reviewAppeal", "carl");
        // the engine keeps an employee out of HR's task on their own appeal
        assertRefused(() -> driver.complete(carlsAppeal, "carl", Map.of("appealReview", "Looks fine to me")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        driver.complete(carlsAppeal, "hanna", Map.of("appealReview", "Sick leave confirmed: two weeks"));
        driver.complete(driver.task(pi, "reviewAppeal", "sam"), "hanna", Map.of("appealReview", "Counted once, as for all"));
        assertThat((String) tasks.getVariableLocal(driver.task(pi, "decideAppeal", "carl").getId(), "appealSummary"))
                .contains("sick leave", "Sick leave confirmed");
        driver.complete(driver.task(pi, "decideAppeal", "carl"), "gary", Map.of("appealDecision", "CHANGE",
                "appealGrade", "C", "appealComment", "Two weeks of leave explain the figures"));
        driver.complete(driver.task(pi, "decideAppeal", "sam"), "gary", Map.of("appealDecision", "KEEP",
                "appealComment", "The grade stands"));

        // the rest say nothing: accepted when their time runs out
        jobs.advance(Duration.ofDays(5).plusMinutes(1));
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("acknowledgeTimeout", "acceptSilently", "recordResult", "closeCycle", "cycleClosed").isEnded();
        assertThat(driver.cycle(period).status()).isEqualTo("CLOSED");
        List<Review> results = driver.reviews(period);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("RECORDED");
            assertThat(r.recordedAt()).isNotNull();
            assertThat(r.bonus()).isEqualByComparingTo(r.baseBonus().multiply(r.coefficient()));
        });
        assertThat(driver.review(period, "amy")).satisfies(r -> {
            assertThat(r.acknowledgement()).isEqualTo("ACCEPT");
            assertThat(r.bonus()).isEqualByComparingTo("2000.00");
            assertThat(r.promotionEligible()).isFalse();
        });
        assertThat(driver.review(period, "carl")).satisfies(r -> {
            assertThat(r.grade()).isEqualTo(Grade.C);
            assertThat(r.coefficient()).isEqualByComparingTo("0.6");
            assertThat(r.bonus()).isEqualByComparingTo("1200.00");
            assertThat(r.trainingNeeds()).isEqualTo("Complaint handling course");
        });
        assertThat(reviews.gradeChanges(driver.review(period, "carl").id())).extracting(GradeChange::stage).containsExactly("APPEAL");
        assertThat(driver.review(period, "sam").grade()).isEqualTo(Grade.A);
        assertThat(driver.review(period, "fiona")).satisfies(r -> {
            assertThat(r.acknowledgement()).isEqualTo("SILENT");
            assertThat(r.bonus()).isEqualByComparingTo("3750.00");
        });
        assertThat(cases.transitions(driver.review(period, "carl").caseId())).extracting(t -> t.toStatus())
                .containsExactly("COLLECTED", "SELF_ASSESSMENT_MISSED", "MANAGER_REVIEWED", "CALIBRATED",
                        "IMPROVEMENT_PLANNED", "APPEALED", "APPEAL_REVIEWED", "APPEAL_DECIDED", "RECORDED");
    }

    @Test
    void bonusesOverAPoolNeedHrsReasonAndTwoAGradesMakeAPromotion() {
        YearMonth first = driver.freePeriod();
        ProcessInstance pi = start(first);
        assessAll(pi);
        reviewTheRest(pi, first);
        Task calibration = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("calibrateGrades").singleResult();
        // three A grades in customer service: 3 × 3,000 over its pool of 6,000
        String changes = calibration(first, Map.of("amy", Grade.A, "demo", Grade.A, "carl", Grade.A));
        assertRefused(() -> driver.complete(calibration, "hanna", Map.of("gradeChanges", changes)))
                .isInstanceOf(InvalidField.class).hasMessageContaining("overrunReason").hasMessageContaining("Customer service CNY 9,000.00 over its pool of CNY 6,000.00");
        assertRefused(() -> driver.complete(calibration, "hanna", Map.of("gradeChanges", changes,
                "overrunConfirmed", true))).isInstanceOf(InvalidField.class);
        assertThat(driver.review(first, "amy").grade()).isEqualTo(Grade.B); // refused: nothing changed
        driver.complete(calibration, "hanna", Map.of("gradeChanges", changes, "overrunConfirmed", true,
                "overrunReason", "The winter season doubled the calls"));
        assertThat(driver.cycle(first).overrunReason()).isEqualTo("The winter season doubled the calls");
        acceptAll(pi);
        assertThat(pi).isEnded();
        assertThat(driver.review(first, "amy").promotionEligible()).isFalse();

        YearMonth second = first.plusMonths(1);
        ProcessInstance next = start(second);
        assessAll(next);
        reviewTheRest(next, second);
        Task secondCalibration = tasks.createTaskQuery().processInstanceId(next.getId()).taskDefinitionKey("calibrateGrades")
                .singleResult();
        driver.complete(secondCalibration, "hanna", Map.of("gradeChanges", calibration(second,
                Map.of("amy", Grade.A, "demo", Grade.C, "carl", Grade.C))));
        assertThat(driver.cycle(second).overrunReason()).isNull(); // 3,000 + 1,200 + 1,200 within 6,000
        acceptAll(next);
        assertThat(driver.review(second, "amy").promotionEligible()).isTrue();
        assertThat(driver.review(second, "demo").promotionEligible()).isFalse();
    }

    @Test
    void aMonthHasOneCycleAndTheScheduleStartsTheMonthBefore() {
        YearMonth period = driver.freePeriod();
        start(period);
        assertRefused(() -> cycles.start(period, "hanna")).isInstanceOf(PerformanceProblems.CycleExists.class);
        assertRefused(() -> cycles.start(YearMonth.now().plusMonths(1), "hanna")).isInstanceOf(InvalidField.class);

        YearMonth scheduled = driver.freePeriod();
        ClockUtil.setCurrentTime(java.util.Date.from(scheduled.plusMonths(1).atDay(1).atTime(9, 0)
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        cycles.startScheduled();
        cycles.startScheduled(); // a second node on the same schedule changes nothing
        Cycle cycle = driver.cycle(scheduled);
        assertThat(cycle.startedBy()).isEqualTo("system");
        started.add(cycle.processInstanceId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("PC-" + scheduled).count())
                .isEqualTo(1);
    }

    @Test
    void aCycleStartsOnlyFromTheApiOrTheSchedule() {
        assertRefused(() -> engine.getRuntimeService().startProcessInstanceByKey(PerformanceCycleCase.PROCESS_KEY))
                .isInstanceOf(InvalidField.class).hasMessageContaining("period");
    }

    private ProcessInstance start(YearMonth period) {
        ProcessInstance pi = driver.start(period);
        started.add(pi.getId());
        return pi;
    }

    private void assessAll(ProcessInstance pi) {
        for (Task task : driver.tasks(pi, "selfAssessment")) {
            driver.complete(task, task.getAssignee(), scores("self", 4, 4, 4));
        }
    }

    /** The manager's scores 4/4/4 (the table suggests B at no KPIs) for every review still waiting. */
    private void reviewTheRest(ProcessInstance pi, YearMonth period) {
        for (Task task : driver.tasks(pi, "managerReview")) {
            driver.complete(task, "olivia", scores("manager", 4, 4, 4));
        }
    }

    /**
     * Calibration lines: the given grades for the demo cast, and D (no bonus) for anyone another test added to a group,
     * so that the pools' totals depend only on the cast.
     */
    private String calibration(YearMonth period, Map<String, Grade> grades) {
        return driver.reviews(period).stream().filter(r -> grades.containsKey(r.employee()) || !ReviewDriver.CAST.contains(r.employee()))
                .map(r -> r.employee() + ", " + grades.getOrDefault(r.employee(), Grade.D) + ", calibrated by the test")
                .collect(Collectors.joining("\n"));
    }

    /** Improvement plans for grade D, everyone accepts. */
    private void acceptAll(ProcessInstance pi) {
        for (Task plan : driver.tasks(pi, "improvementPlan")) {
            driver.complete(plan, "olivia", Map.of("planGoals", "Meet the group's targets", "planReviewDate",
                    LocalDate.now(ZoneId.of("UTC")).plusMonths(3).toString(), "planTrainingNeeds", "Coaching"));
        }
        for (Task task : driver.tasks(pi, "acknowledgeResult")) {
            driver.complete(task, task.getAssignee(), Map.of("acknowledgement", "ACCEPT"));
        }
    }

    /** The refusal a call met: the named problem, also when the engine wrapped it (a task listener's). */
    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThat(ProcessPaths.refusal(call));
    }

    private List<String> candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        PATHS.assertEveryFlowNodePassed(processEngine);
    }
}
