package org.ticketops.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Drives the engine in tests: runs due jobs (the job executor is off) and moves the engine's clock. */
@Component
public class Engine {

    private final ProcessEngine engine;

    Engine(ProcessEngine engine) {
        this.engine = engine;
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** Runs every job of a process instance that is due now, repeatedly, until none is left due. */
    public void executeJobs(String processInstanceId) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                if (management.createJobQuery().jobId(job.getId()).count() > 0) { // an earlier job may have removed it
                    management.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("Jobs of " + processInstanceId + " keep coming after 20 rounds");
    }

    public List<Job> jobs(String processInstanceId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list();
    }

    /** Moves the engine's (and so every service's) clock forward. */
    public Instant advance(Duration by) {
        Date next = Date.from(ClockUtil.getCurrentTime().toInstant().plus(by));
        ClockUtil.setCurrentTime(next);
        return next.toInstant();
    }

    public void resetClock() {
        ClockUtil.reset();
    }
}
