package org.ticketops.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The monitor's figures for Prometheus ({@code /actuator/prometheus}), recorded by the node that folds a fact, so
 * in a cluster each fact is counted once and a sum over the nodes is the whole:
 * {@code ticketops_process_cycle_time_seconds} (histogram by process and end event),
 * {@code ticketops_task_wait_seconds} (histogram by process and task), {@code ticketops_open_tasks} (gauge by
 * candidate group) and {@code ticketops_deadline_breaches_total} (counter by process). docs/grafana-monitor.json
 * draws them.
 */
@Component
class MonitorMetrics {

    /** Bucket bounds of both histograms: from a minute to a month, as a back office's steps take. */
    static final Duration[] BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final MultiGauge openTasks;
    private final MonitorMapper mapper;
    private final Clock clock;

    MonitorMetrics(MeterRegistry registry, MonitorMapper mapper, Clock clock) {
        this.registry = registry;
        this.mapper = mapper;
        this.clock = clock;
        this.openTasks = MultiGauge.builder("ticketops.open.tasks").description("Open user tasks by candidate group")
                .register(registry);
    }

    void folded(List<Fact> facts, DeadlineTimers timers) {
        for (Fact fact : facts) {
            long ms = fact.durationMs() == null ? 0 : Math.max(0, fact.durationMs());
            if (Fact.END.equals(fact.kind())) {
                timer("ticketops.process.cycle.time", "Cycle time of process instances, start to end",
                        Tags.of("process", fact.processKey(), "end_event", fact.nodeId())).record(Duration.ofMillis(ms));
            } else if (Fact.NODE.equals(fact.kind()) && "userTask".equals(fact.nodeType())) {
                timer("ticketops.task.wait", "Wait time of user tasks, created to completed",
                        Tags.of("process", fact.processKey(), "task", fact.nodeId())).record(Duration.ofMillis(ms));
            } else if (Fact.NODE.equals(fact.kind()) && timers.isBreach(fact.processDefinitionId(), fact)) {
                Counter.builder("ticketops.deadline.breaches").description("Deadline timers that fired")
                        .tag("process", fact.processKey()).register(registry).increment();
            }
        }
    }

    /** Reads the open tasks per candidate group from the engine (the gauge shows the last reading). */
    void refreshOpenTasks() {
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> rows = mapper.openTasksAt(null, now).stream()
                .<MultiGauge.Row<?>>map(g -> MultiGauge.Row.of(Tags.of("group", g.groupId),
                        g.underHour + g.hourTo8 + g.hour8To24 + g.day1To3 + g.over3Days))
                .toList();
        openTasks.register(rows, true);
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(BUCKETS[0]).maximumExpectedValue(BUCKETS[BUCKETS.length - 1]).register(registry);
    }
}
