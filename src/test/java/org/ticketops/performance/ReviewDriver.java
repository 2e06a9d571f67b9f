package org.ticketops.performance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.ticketops.support.Engine;

/**
 * Drives performance cycles in tests: a period no cycle has yet, the start, each step's tasks completed as a given
 * user with that user's groups (as Tasklist would), and the reviews of a cycle.
 */
@Component
class ReviewDriver {

    /** The people of the demo whose reviews the tests look at; anyone else a test added to a group is "other". */
    static final List<String> CAST = List.of("amy", "carl", "demo", "sam", "fiona", "paul");

    private final PerformanceCycles cycles;
    private final PerformanceMapper mapper;
    private final ProcessEngine engine;
    private final Engine jobs;

    ReviewDriver(PerformanceCycles cycles, PerformanceMapper mapper, ProcessEngine engine, Engine jobs) {
        this.cycles = cycles;
        this.mapper = mapper;
        this.engine = engine;
        this.jobs = jobs;
    }

    /** A month between 1970 and 2019 without a cycle (the MySQL database keeps earlier runs' cycles). */
    YearMonth freePeriod() {
        while (true) {
            YearMonth period = YearMonth.of(1970, 1).plusMonths(ThreadLocalRandom.current().nextInt(50 * 12 - 1));
            if (cycles.cycleOf(period).isEmpty() && cycles.cycleOf(period.plusMonths(1)).isEmpty()) {
                return period;
            }
        }
    }

    /** Starts the cycle as HR and runs the KPI collection (a job per review). */
    ProcessInstance start(YearMonth period) {
        Cycle cycle = cycles.start(period, "hanna");
        jobs.executeJobs(cycle.processInstanceId());
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.processInstanceId())
                .singleResult();
    }

    Cycle cycle(YearMonth period) {
        return cycles.cycleOf(period).orElseThrow();
    }

    List<Review> reviews(YearMonth period) {
        return mapper.reviewsOfCycle(cycle(period).id());
    }

    Review review(YearMonth period, String employee) {
        return reviews(period).stream().filter(r -> r.employee().equals(employee)).findFirst().orElseThrow();
    }

    List<Task> tasks(ProcessInstance pi, String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
    }

    /** The task of one employee's review at a step. */
    Task task(ProcessInstance pi, String activityId, String employee) {
        long id = review(YearMonth.parse((String) engine.getRuntimeService().getVariable(pi.getId(), "period")), employee).id();
        return tasks(pi, activityId).stream()
                .filter(t -> Long.parseLong(engine.getTaskService().getVariable(t.getId(), "reviewId").toString()) == id)
                .findFirst().orElseThrow(() -> new AssertionError("no " + activityId + " task for " + employee));
    }

    static String employeeOf(TaskService tasks, Task task, List<Review> reviews) {
        long id = Long.parseLong(tasks.getVariable(task.getId(), "reviewId").toString());
        return reviews.stream().filter(r -> r.id() == id).findFirst().orElseThrow().employee();
    }

    /** Claims (unless assigned) and completes as {@code user} with their groups, as Tasklist does. */
    void complete(Task task, String user, Map<String, Object> variables) {
        org.ticketops.support.ProcessPaths.complete(engine, task, user, variables);
    }

    static Map<String, Object> scores(String prefix, int results, int attitude, int ability) {
        return Map.of(prefix + "Results", String.valueOf(results), prefix + "Attitude", String.valueOf(attitude),
                prefix + "Ability", String.valueOf(ability));
    }
}
