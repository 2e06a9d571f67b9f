package org.ticketops.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;

/**
 * A performance cycle on MySQL/MariaDB (in this package for its test driver; the tag puts it in the MySQL suite): two
 * starts of one month at once give one cycle, an employee's words kept byte for byte, the conditional updates, the
 * promotion query and the results' reads, through to the closed cycle.
 */
@MySqlTest
class MySqlPerformanceTest {

    private static final String WORDS = "座位号重复 🎫 \"gate 3\" <b>&amp;</b> 𠀀𠀁";

    @Autowired
    PerformanceCycles cycles;
    @Autowired
    PerformanceResults results;
    @Autowired
    ReviewDriver driver;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Engine jobs;

    @Test
    void aCycleOnMariaDb() throws Exception {
        String clerk = user("clerk", "customer-service");
        String seller = user("seller", "ticket-sales");
        String manager = user("manager", "operations-manager");
        YearMonth period = driver.freePeriod();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<String> start = () -> {
                try {
                    return cycles.start(period, "hr-" + Thread.currentThread().getId()).businessKey();
                } catch (PerformanceProblems.CycleExists exists) {
                    return "409";
                }
            };
            starts.add(pool.submit(start));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : starts) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("PC-" + period, "409");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("PC-" + period).count())
                .isEqualTo(1);
        Cycle cycle = driver.cycle(period);
        jobs.executeJobs(cycle.processInstanceId());
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId()).singleResult();
        assertThat(driver.reviews(period)).extracting(Review::employee).contains(clerk, seller).doesNotContain(manager);

        for (Task task : driver.tasks(pi, "selfAssessment")) {
            Map<String, Object> answer = new HashMap<>(ReviewDriver.scores("self", 4, 4, 4));
            answer.put("selfComment", WORDS);
            complete(task, task.getAssignee(), answer);
        }
        assertThat(driver.review(period, clerk).selfComment()).isEqualTo(WORDS);
        for (Task task : driver.tasks(pi, "managerReview")) {
            Map<String, Object> answer = new HashMap<>(ReviewDriver.scores("manager", 4, 4, 4));
            answer.put("managerGrade", "A");
            answer.put("managerComment", WORDS + " and a month above the rest");
            complete(task, manager, answer);
        }
        Task calibration = driver.tasks(pi, "calibrateGrades").get(0);
        complete(calibration, "hr-lead", Map.of("gradeChanges", clerk + ", C, " + WORDS, "overrunConfirmed", true,
                "overrunReason", "Peak season on MariaDB"));
        assertThat(driver.review(period, clerk).grade()).isEqualTo(Grade.C);
        for (Task task : driver.tasks(pi, "improvementPlan")) {
            complete(task, manager, Map.of("planGoals", "Goals", "planReviewDate",
                    LocalDate.now(ZoneId.of("UTC")).plusMonths(2).toString(), "planTrainingNeeds", "Training"));
        }
        for (Task task : driver.tasks(pi, "acknowledgeResult")) {
            complete(task, task.getAssignee(), Map.of("acknowledgement", "ACCEPT"));
        }
        assertThat(driver.cycle(period).status()).isEqualTo("CLOSED");
        assertThat(driver.review(period, seller)).satisfies(r -> {
            assertThat(r.grade()).isEqualTo(Grade.A);
            assertThat(r.bonus()).isEqualByComparingTo("3750.00");
            assertThat(r.promotionEligible()).isFalse();
        });
        assertThat(results.ofEmployee(clerk, false)).singleElement().satisfies(r -> {
            assertThat(r.grade()).isEqualTo(Grade.C);
            assertThat(r.gradeChanges()).extracting(GradeChange::reason).contains(WORDS);
        });
        assertThat(results.csv(period)).contains("\"" + clerk + "\",CUSTOMER_SERVICE,\"RECORDED\"");
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        if (task.getAssignee() == null) {
            engine.getTaskService().setAssignee(task.getId(), user);
        }
        engine.getTaskService().complete(task.getId(), variables);
    }

    private String user(String prefix, String group) {
        String id = prefix + System.nanoTime();
        User user = identity.newUser(id);
        user.setPassword("Perform-Ance-2026!x");
        user.setEmail(id + "@ticketops.example");
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }
}
