package org.ticketops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.HdrHistogram.HistogramIterationValue;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.support.Engine;
import org.ticketops.support.TicketOpsTest;

/**
 * The aggregates rebuilt from the engine's history equal the ones the history handler fed, row for row and histogram
 * bucket for bucket: after a random mix of runs (tasks done after random waits, deadline timers fired or not, both
 * end events, instances cancelled, some left open) on top of all the history the rest of the suite made.
 */
@TicketOpsTest
class MonitorRebuildTest {

    static final Instant START = Instant.parse("2032-06-07T00:00:00Z");

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    Engine engine;
    @Autowired
    MonitorFold fold;
    @Autowired
    MonitorMapper mapper;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void rebuiltAggregatesEqualTheIncrementallyFedOnes() {
        org.ticketops.monitor.MonitorProbe.deploy(repository, "monitorProbeRebuild");
        Random random = new Random(20261124L);
        Instant now = START;
        List<ProcessInstance> open = new ArrayList<>();
        for (int step = 0; step < 120; step++) {
            now = now.plus(Duration.ofMinutes(1 + random.nextInt(240)));
            ClockUtil.setCurrentTime(Date.from(now));
            int action = random.nextInt(10);
            if (action < 4 || open.isEmpty()) {
                open.add(runtime.startProcessInstanceByKey("monitorProbeRebuild"));
            } else if (action < 8) {
                ProcessInstance instance = open.remove(random.nextInt(open.size()));
                engine.executeJobs(instance.getId()); // its warning and deadline timers, when due
                Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                tasks.complete(task.getId(), Map.of("approved", random.nextBoolean()));
            } else if (action == 8) {
                runtime.deleteProcessInstance(open.remove(random.nextInt(open.size())).getId(), "withdrawn");
            } else {
                open.forEach(i -> engine.executeJobs(i.getId()));
            }
            if (step % 25 == 0) {
                fold.fold(); // the fold runs now and then, as it does on its schedule
            }
        }
        fold.fold();
        Snapshot fed = snapshot();
        assertThat(fed.processes).isNotEmpty();
        assertThat(fed.breaches).isNotEmpty();

        Timestamp latest = jdbc.queryForObject("SELECT MAX(t) FROM (SELECT MAX(START_TIME_) AS t FROM ACT_HI_ACTINST"
                + " UNION ALL SELECT MAX(END_TIME_) FROM ACT_HI_ACTINST UNION ALL SELECT MAX(END_TIME_) FROM ACT_HI_PROCINST) x", Timestamp.class);
        ClockUtil.setCurrentTime(Date.from(latest.toInstant().plus(Duration.ofDays(1)))); // the rebuild's cut after every event
        MonitorFold.RebuildReport report = fold.rebuild();
        fold.fold();
        assertThat(report.facts()).isPositive();
        Snapshot rebuilt = snapshot();

        assertThat(rebuilt.processes).containsExactlyElementsOf(fed.processes);
        assertThat(rebuilt.nodes).containsExactlyElementsOf(fed.nodes);
        assertThat(rebuilt.groups).containsExactlyElementsOf(fed.groups);
        assertThat(rebuilt.breaches).containsExactlyElementsOf(fed.breaches);
        assertThat(rebuilt.slowest).containsExactlyElementsOf(fed.slowest);
    }

    record Snapshot(List<String> processes, List<String> nodes, List<String> groups, List<String> breaches, List<String> slowest) {
    }

    private Snapshot snapshot() {
        return new Snapshot(rows("processes"), rows("nodes"), rows("groups"),
                mapper.allBreaches().stream().map(c -> c.owner + " " + c.item + " " + c.amount).toList(),
                mapper.allSlowest().stream().map(Aggregates.Slow::toString).toList());
    }

    /** Each row as text: its key, counts, and every histogram bucket with its count. */
    private List<String> rows(String table) {
        return mapper.allRows(table).stream().map(r -> {
            StringBuilder text = new StringBuilder(r.owner + " " + r.item + " " + r.grain + " " + r.period + " " + r.nodeType + " started="
                    + r.started + " completed=" + r.completed + " total=" + r.totalMs + " max=" + r.maxMs + " [");
            var histogram = Histograms.decode(r.histogram);
            if (histogram != null) {
                for (HistogramIterationValue v : histogram.recordedValues()) {
                    text.append(v.getValueIteratedTo()).append('x').append(v.getCountAtValueIteratedTo()).append(' ');
                }
            }
            return text.append(']').toString();
        }).toList();
    }
}
