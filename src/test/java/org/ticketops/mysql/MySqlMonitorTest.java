package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.monitor.MonitorFold;
import org.ticketops.monitor.MonitorReports;
import org.ticketops.monitor.MonitorService;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;

/**
 * The monitor on MySQL/MariaDB: facts written in the engine's transactions, folded into histograms stored as blobs,
 * percentiles and open-task ages read back (the engine's times compared in its own terms), and a rebuild from the
 * engine's history that reads the same figures.
 */
@MySqlTest
class MySqlMonitorTest {

    static final Instant MONDAY_9 = Instant.parse("2033-05-02T01:00:00Z");
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
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void figuresFedAndRebuiltOnMariaDb() {
        org.ticketops.monitor.MonitorProbe.deploy(repository, "monitorProbe");
        ClockUtil.setCurrentTime(Date.from(MONDAY_9));
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(runtime.startProcessInstanceByKey("monitorProbe").getId());
        }
        runtime.startProcessInstanceByKey("monitorProbe"); // stays open, 10 h old at the end
        for (int hour = 1; hour <= 10; hour++) {
            ClockUtil.setCurrentTime(Date.from(MONDAY_9.plus(Duration.ofHours(hour))));
            String id = ten.get(hour - 1);
            tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(), Map.of("approved", hour <= 5));
            ten.subList(hour, 10).forEach(engine::executeJobs);
        }
        fold.fold();
        LocalDate day = MONDAY_9.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        MonitorReports.ProcessReport fed = monitor.process("monitorProbe", day, day);
        assertThat(fed.summary().completed()).isEqualTo(10);
        assertThat(fed.summary().started()).isEqualTo(11);
        assertThat(fed.summary().p90Ms()).isCloseTo(9 * HOUR, withinPercentage(1));
        assertThat(fed.summary().breaches()).isEqualTo(6);
        assertThat(fed.tasks()).singleElement().satisfies(t -> assertThat(t.p50Ms()).isCloseTo(5 * HOUR, withinPercentage(1)));
        assertThat(fed.groups()).singleElement().satisfies(g -> assertThat(g.hours8To24()).isEqualTo(1));

        Timestamp latest = jdbc.queryForObject("SELECT MAX(END_TIME_) FROM ACT_HI_ACTINST", Timestamp.class);
        ClockUtil.setCurrentTime(Date.from(latest.toInstant().plus(Duration.ofDays(1))));
        fold.rebuild();
        fold.fold();
        ClockUtil.setCurrentTime(Date.from(MONDAY_9.plus(Duration.ofHours(10))));
        MonitorReports.ProcessReport rebuilt = monitor.process("monitorProbe", day, day);
        assertThat(rebuilt.summary()).isEqualTo(fed.summary());
        assertThat(rebuilt.tasks()).isEqualTo(fed.tasks());
        assertThat(rebuilt.slowest()).isEqualTo(fed.slowest());
        assertThat(rebuilt.histogram()).isEqualTo(fed.histogram());
    }
}
