package org.ticketops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.monitor.MonitorFold;
import org.ticketops.monitor.MonitorReports;
import org.ticketops.monitor.MonitorService;
import org.ticketops.support.TicketOpsTest;

/**
 * The night's history cleanup: the engine's batch window is the configured one in the center's offset, history past
 * its process's time to live is removed, history within it is kept, and the monitor keeps its figures for both.
 */
@TicketOpsTest
class HistoryCleanupTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    MonitorFold fold;
    @Autowired
    MonitorService monitor;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void historyPastItsTimeToLiveIsRemovedAndTheMonitorKeepsItsFigures() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00+0800");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00+0800");

        String key = "cleanupProbe" + System.nanoTime();
        BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/monitor/monitor-probe.bpmn"));
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(key);
        process.setCamundaHistoryTimeToLiveString("P1D");
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane.class).iterator().next()
                .setBpmnElement(process);
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();

        Instant now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3))));
        String old = runtime.startProcessInstanceByKey(key).getId();
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3)).plus(Duration.ofHours(2))));
        tasks.complete(tasks.createTaskQuery().processInstanceId(old).singleResult().getId(), Map.of("approved", true));
        ClockUtil.reset();
        String recent = runtime.startProcessInstanceByKey(key).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(recent).singleResult().getId(), Map.of("approved", false));
        fold.fold();
        LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5);
        LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        MonitorReports.ProcessSummary before = monitor.process(key, from, to).summary();
        assertThat(before.completed()).isEqualTo(2);

        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(recent).count()).isEqualTo(1);
        MonitorReports.ProcessSummary after = monitor.process(key, from, to).summary();
        assertThat(after).isEqualTo(before);
        List<Job> left = management.createJobQuery().jobId(cleanup.getId()).list();
        left.forEach(j -> management.deleteJob(j.getId())); // the test's run, not the night's
    }
}
