package org.ticketops.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the monitor answers; durations in milliseconds, days in the center's zone (both ends included). */
public final class MonitorReports {

    private MonitorReports() {
    }

    /** One process in a period: volumes, cycle-time percentiles, end events, breaches and the weekly trend. */
    public record ProcessSummary(String processKey, String name, long started, long completed, long open,
                                 Long p50Ms, Long p90Ms, Long p95Ms, Long maxMs, Long targetP90Ms,
                                 Map<String, Long> endEvents, Map<String, BigDecimal> endShares, Map<String, String> endNames,
                                 long breaches,
                                 List<Week> weeks) {
    }

    /** A week (by its Monday) of one process: started, completed and the cycle-time p50/p90 of those completed. */
    public record Week(LocalDate monday, long started, long completed, Long p50Ms, Long p90Ms) {
    }

    public record Overview(LocalDate from, LocalDate to, Instant asOf, List<ProcessSummary> processes, List<GroupWaits> groups) {
    }

    /** The user tasks a candidate group completed in a period (of every process) and how long they waited. */
    public record GroupWaits(String group, long completed, Long p50Ms, Long p90Ms, Long maxMs) {
    }

    /** Completed instances whose cycle time is at most {@code upToMs} and above the bucket before. */
    public record Bucket(String label, long upToMs, long count) {
    }

    /** A user task: how many were completed, their wait, and the share of the process's cycle time spent waiting in it. */
    public record TaskFigures(String taskId, String name, long completed, Long p50Ms, Long p90Ms, Long maxMs, BigDecimal shareOfCycle) {
    }

    /** Open tasks offered to a candidate group, by how long they have waited. */
    public record GroupAges(String group, long underHour, long hour1To8, long hours8To24, long days1To3, long over3Days, long total) {
    }

    public record SlowInstance(String processInstanceId, String processDefinitionId, String endEvent, Instant startedAt,
                               Instant endedAt, long durationMs, String cockpitUrl) {
    }

    public record ProcessReport(LocalDate from, LocalDate to, Instant asOf, ProcessSummary summary, List<Bucket> histogram,
                                List<TaskFigures> tasks, List<GroupAges> groups, List<SlowInstance> slowest) {
    }

    /** One flow node for the Cockpit heatmap: its duration p50/p90 against its target, and how many ended. */
    public record NodeFigures(String nodeId, String name, String type, long count, Long p50Ms, Long p90Ms, Long maxMs,
                              Long targetMs, String level) {
    }

    public record Heatmap(String processKey, String processDefinitionId, LocalDate from, LocalDate to, Instant asOf,
                          List<NodeFigures> nodes) {
    }
}
