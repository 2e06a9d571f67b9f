package org.ticketops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TicketOpsTest;

/**
 * /actuator/prometheus, parsed: the cycle-time and wait histograms, the open tasks and the breaches counter carry what
 * the engine did; and every metric docs/grafana-monitor.json asks for is exported.
 */
@TicketOpsTest
class MonitorMetricsTest {

    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

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
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void prometheusCarriesTheFiguresAndGrafanaAsksOnlyForExportedOnes() throws Exception {
        org.ticketops.monitor.MonitorProbe.deploy(repository, "monitorProbeMetrics");
        List<Sample> before = scrape();
        String quick = runtime.startProcessInstanceByKey("monitorProbeMetrics").getId();
        String slow = runtime.startProcessInstanceByKey("monitorProbeMetrics").getId();
        runtime.startProcessInstanceByKey("monitorProbeMetrics"); // stays open
        engine.advance(Duration.ofMinutes(30));
        tasks.complete(tasks.createTaskQuery().processInstanceId(quick).singleResult().getId(), Map.of("approved", true));
        engine.advance(Duration.ofHours(5));
        engine.executeJobs(slow); // warning and deadline fire: one breach
        tasks.complete(tasks.createTaskQuery().processInstanceId(slow).singleResult().getId(), Map.of("approved", false));
        fold.fold();
        List<Sample> after = scrape();

        assertThat(delta(before, after, "ticketops_process_cycle_time_seconds_count", Map.of("process", "monitorProbeMetrics", "end_event", "endApproved"))).isEqualTo(1);
        assertThat(delta(before, after, "ticketops_process_cycle_time_seconds_count", Map.of("process", "monitorProbeMetrics", "end_event", "endRejected"))).isEqualTo(1);
        assertThat(delta(before, after, "ticketops_process_cycle_time_seconds_bucket",
                Map.of("process", "monitorProbeMetrics", "end_event", "endApproved", "le", "3600.0"))).as("30 min is within the 1 h bucket").isEqualTo(1);
        assertThat(delta(before, after, "ticketops_process_cycle_time_seconds_bucket",
                Map.of("process", "monitorProbeMetrics", "end_event", "endRejected", "le", "14400.0"))).as("5.5 h is not within 4 h").isEqualTo(0);
        assertThat(delta(before, after, "ticketops_process_cycle_time_seconds_sum", Map.of("process", "monitorProbeMetrics", "end_event", "endRejected")))
                .isCloseTo(5.5 * 3600, org.assertj.core.api.Assertions.within(0.1));
        assertThat(delta(before, after, "ticketops_task_wait_seconds_count", Map.of("process", "monitorProbeMetrics", "task", "check"))).isEqualTo(2);
        assertThat(delta(before, after, "ticketops_deadline_breaches_total", Map.of("process", "monitorProbeMetrics"))).isEqualTo(1);
        assertThat(value(after, "ticketops_open_tasks", Map.of("group", "monitor-probe-desk"))).isGreaterThanOrEqualTo(1);

        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("docs/grafana-monitor.json")));
        Set<String> asked = new TreeSet<>();
        Matcher metric = Pattern.compile("ticketops_[a-z_]+").matcher(dashboard.toString());
        while (metric.find()) {
            asked.add(metric.group());
        }
        assertThat(asked).contains("ticketops_process_cycle_time_seconds_bucket", "ticketops_task_wait_seconds_bucket",
                "ticketops_open_tasks", "ticketops_deadline_breaches_total");
        Set<String> exported = new TreeSet<>();
        after.forEach(s -> exported.add(s.name()));
        assertThat(exported).containsAll(asked);
    }

    private List<Sample> scrape() {
        String text = new Api(rest).get("demo", "/actuator/prometheus").hasStatus(200).body();
        return text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
            Matcher m = SAMPLE.matcher(l);
            assertThat(m.matches()).as("a Prometheus sample line: %s", l).isTrue();
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            return new Sample(m.group(1), labels, Double.parseDouble(m.group(4)));
        }).toList();
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).sum();
    }

    private static double delta(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }
}
