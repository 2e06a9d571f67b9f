package org.ticketops.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.monitor.MonitorReports.ProcessReport;
import org.ticketops.monitor.MonitorReports.ProcessSummary;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TicketOpsTest;

/**
 * The monitor's figures against a history computed by hand, made by running a process the monitor has never seen
 * (monitorProbe, deployed here: no code knows it) with a controlled clock, on days far ahead that no other test touches.
 * Ten instances start on Monday 3 March 2031 at 09:00 (Shanghai); instance i's task is completed after i hours, approved
 * for i ≤ 5. The deadline timer (4 h) fires for the six still open at 13:00; the warning timer (2 h, marked
 * {@code deadline=warning}) is no breach. Five more instances stay open, started 106 h, 58 h, 10 h, 5 h and 30 min
 * before the end of the day's work at 19:00.
 */
@TicketOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorFiguresTest {

    static final Instant MONDAY_9 = Instant.parse("2031-03-03T01:00:00Z");
    static final long HOUR = 3_600_000L;

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
    MonitorService monitor;
    @Autowired
    TestRestTemplate rest;


    private boolean ran;

    @BeforeEach // not @BeforeAll: process-test coverage records engine calls only inside a test's run
    void runTheProbeOnce() {
        if (ran) {
            at(MONDAY_9.plus(Duration.ofHours(10)));
            return;
        }
        ran = true;
        org.ticketops.monitor.MonitorProbe.deploy(repository, "monitorProbe");
        at(MONDAY_9.minus(Duration.ofHours(106)));
        runtime.startProcessInstanceByKey("monitorProbe");
        at(MONDAY_9.minus(Duration.ofHours(58)));
        runtime.startProcessInstanceByKey("monitorProbe");
        at(MONDAY_9);
        runtime.startProcessInstanceByKey("monitorProbe"); // stays open: 10 h old at 19:00
        List<ProcessInstance> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(runtime.startProcessInstanceByKey("monitorProbe"));
        }
        for (int hour = 1; hour <= 10; hour++) {
            at(MONDAY_9.plus(Duration.ofHours(hour)));
            ProcessInstance done = ten.get(hour - 1);
            tasks.complete(tasks.createTaskQuery().processInstanceId(done.getId()).singleResult().getId(), Map.of("approved", hour <= 5));
            for (ProcessInstance instance : ten.subList(hour, 10)) {
                engine.executeJobs(instance.getId());
            }
            if (hour == 5) {
                runtime.startProcessInstanceByKey("monitorProbe"); // 5 h old at 19:00
            }
        }
        at(MONDAY_9.plus(Duration.ofMinutes(9 * 60 + 30)));
        runtime.startProcessInstanceByKey("monitorProbe"); // 30 min old at 19:00
        at(MONDAY_9.plus(Duration.ofHours(10)));
        fold.fold();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Test
    void cycleTimesEndEventsAndBreachesOfThePeriod() {
        ProcessSummary probe = summary(LocalDate.of(2031, 2, 26), LocalDate.of(2031, 3, 3));
        assertThat(probe.name()).isEqualTo("Monitor probe");
        assertThat(probe.started()).isEqualTo(15);
        assertThat(probe.completed()).isEqualTo(10);
        assertThat(probe.open()).isEqualTo(5);
        assertThat(probe.p50Ms()).isCloseTo(5 * HOUR, withinPercentage(1));
        assertThat(probe.p90Ms()).isCloseTo(9 * HOUR, withinPercentage(1));
        assertThat(probe.p95Ms()).isCloseTo(10 * HOUR, withinPercentage(1));
        assertThat(probe.maxMs()).isEqualTo(10 * HOUR);
        assertThat(probe.endEvents()).containsExactlyInAnyOrderEntriesOf(Map.of("endApproved", 5L, "endRejected", 5L));
        assertThat(probe.endShares().get("endApproved")).isEqualByComparingTo("0.5");
        assertThat(probe.breaches()).as("the 4 h deadline fired for instances 5 to 10, the warning counts not").isEqualTo(6);
        assertThat(probe.weeks()).extracting(MonitorReports.Week::monday).containsExactly(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 3, 3));
        assertThat(probe.weeks().get(0).started()).isEqualTo(2);
        assertThat(probe.weeks().get(1)).satisfies(w -> {
            assertThat(w.completed()).isEqualTo(10);
            assertThat(w.p90Ms()).isCloseTo(9 * HOUR, withinPercentage(1));
        });
    }

    @Test
    void wholeWeeksReadFromWeekRowsGiveTheSameFiguresAsDays() {
        ProcessSummary days = summary(LocalDate.of(2031, 2, 26), LocalDate.of(2031, 3, 5));
        ProcessSummary weeks = summary(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 3, 9));
        assertThat(PeriodPlan.of(LocalDate.of(2031, 2, 24), LocalDate.of(2031, 3, 9)).headDays()).isNull();
        assertThat(weeks.started()).isEqualTo(days.started()).isEqualTo(15);
        assertThat(weeks.p50Ms()).isEqualTo(days.p50Ms());
        assertThat(weeks.p95Ms()).isEqualTo(days.p95Ms());
        assertThat(weeks.weeks()).extracting(MonitorReports.Week::started).containsExactly(2L, 13L);
    }

    @Test
    void tasksGroupsAndTheSlowestOfOneProcess() {
        ProcessReport report = monitor.process("monitorProbe", LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 3));
        assertThat(report.tasks()).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo("check");
            assertThat(task.name()).isEqualTo("Check it");
            assertThat(task.completed()).isEqualTo(10);
            assertThat(task.p50Ms()).isCloseTo(5 * HOUR, withinPercentage(1));
            assertThat(task.p90Ms()).isCloseTo(9 * HOUR, withinPercentage(1));
            assertThat(task.shareOfCycle()).isEqualByComparingTo(BigDecimal.ONE); // the whole cycle is waiting for it
        });
        assertThat(monitor.overview(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 3)).groups())
                .filteredOn(g -> g.group().equals("monitor-probe-desk")).singleElement().satisfies(g -> {
                    assertThat(g.completed()).isEqualTo(10);
                    assertThat(g.p90Ms()).isCloseTo(9 * HOUR, withinPercentage(1));
                });
        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.group()).isEqualTo("monitor-probe-desk");
            assertThat(List.of(g.underHour(), g.hour1To8(), g.hours8To24(), g.days1To3(), g.over3Days())).containsExactly(1L, 1L, 1L, 1L, 1L);
        });
        assertThat(report.slowest()).hasSize(10);
        assertThat(report.slowest().get(0).durationMs()).isEqualTo(10 * HOUR);
        assertThat(report.slowest().get(9).durationMs()).isEqualTo(HOUR);
        assertThat(report.slowest().get(0).cockpitUrl()).startsWith("/camunda/app/cockpit/default/#/process-definition/");
        long sum = report.histogram().stream().mapToLong(MonitorReports.Bucket::count).sum();
        assertThat(sum).isEqualTo(10);
        assertThat(report.histogram()).filteredOn(b -> b.label().equals("1–4 h")).singleElement()
                .satisfies(b -> assertThat(b.count()).as("2 h, 3 h and 4 h; 1 h is in the bucket up to 1 h").isEqualTo(3));
    }

    @Test
    void theHeatmapColoursNodesAgainstTheirTargets() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("monitorProbe").latestVersion()
                .singleResult().getId();
        var heatmap = monitor.heatmap(definition, LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 3));
        assertThat(heatmap.nodes()).extracting(MonitorReports.NodeFigures::nodeId)
                .contains("received", "check", "checkLate", "checkWarning", "approvedGateway", "endApproved", "endRejected");
        assertThat(heatmap.nodes()).filteredOn(n -> n.nodeId().equals("checkLate")).singleElement()
                .satisfies(n -> assertThat(n.count()).isEqualTo(6));
        assertThat(MonitorService.level(9 * HOUR, 8 * HOUR)).isEqualTo("warn");
        assertThat(MonitorService.level(17 * HOUR, 8 * HOUR)).isEqualTo("late");
        assertThat(MonitorService.level(7 * HOUR, 8 * HOUR)).isEqualTo("ok");
    }

    @Test
    void theApiAnswersJsonAndCsvToProcessOwnersOnly() {
        Api api = new Api(rest);
        JsonNode overview = api.get("olivia", "/api/monitor/overview?from=2031-02-26&to=2031-03-03").hasStatus(200).tree();
        JsonNode probe = null;
        for (JsonNode p : overview.path("processes")) {
            if (p.path("processKey").asText().equals("monitorProbe")) {
                probe = p;
            }
        }
        assertThat(probe).as("every deployed process is in the overview").isNotNull();
        assertThat(probe.path("completed").asLong()).isEqualTo(10);
        assertThat(overview.path("asOf").asText()).as("the time of the last fold").isNotBlank().isNotEqualTo("null");
        assertThat(probe.path("p90Ms").asDouble()).isCloseTo(9.0 * HOUR, within(0.01 * 9 * HOUR));
        assertThat(overview.path("processes").findValuesAsText("processKey")).contains("refundExchange", "complaintHandling");

        Api.Response csv = api.get("gary", "/api/monitor/processes/monitorProbe/csv?from=2031-03-03&to=2031-03-03").hasStatus(200);
        assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("figure,process,key,value\n").contains("completed,\"monitorProbe\",\"\",10")
                .contains("task completed,\"monitorProbe\",\"check\",10");
        assertThat(api.get("olivia", "/api/monitor/quality/csv?from=2031-02-26&to=2031-03-03").hasStatus(200).body())
                .contains("refundOnTime");

        api.get("olivia", "/api/monitor/overview?from=2031-03-03&to=2031-03-01").isProblem(400, "to");
        api.get("olivia", "/api/monitor/overview?from=2029-01-01&to=2031-03-01").isProblem(400, "to");
        api.get("olivia", "/api/monitor/processes/noSuchProcess").isProblem(404);
        api.get("amy", "/api/monitor/overview").isProblem(403);
        api.get(null, "/api/monitor/overview").isProblem(401);
        api.post("olivia", "/api/monitor/rebuild", "{}").isProblem(403);
    }

    private ProcessSummary summary(LocalDate from, LocalDate to) {
        return monitor.overview(from, to).processes().stream().filter(p -> p.processKey().equals("monitorProbe")).findFirst()
                .orElseThrow();
    }
}
