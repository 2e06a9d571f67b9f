package org.ticketops.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.HdrHistogram.Histogram;

/**
 * Facts summed in memory before they are written: per process, end event ({@code *} = all) and period; per flow
 * node and period; per candidate group and period; deadline breaches per timer and day; the slowest instances of
 * each process and day. Each period both as its day ({@code D}) and its ISO week ({@code W}, keyed by its Monday),
 * in the center's zone. The fold and the rebuild share it, so both write the same rows.
 */
final class Aggregates {

    static final String ALL = "*";
    static final int SLOWEST_PER_DAY = 20;

    record ProcessKey(String processKey, String endNode, String grain, LocalDate period) {
    }

    record NodeKey(String processKey, String nodeId, String grain, LocalDate period) {
    }

    record GroupKey(String groupId, String grain, LocalDate period) {
    }

    record BreachKey(String processKey, String nodeId, LocalDate period) {
    }

    /** Counts, total, maximum and histogram of durations (milliseconds) of one row. */
    static final class Cell {
        long started;
        long completed;
        long totalMs;
        long maxMs;
        String nodeType;
        Histogram histogram;

        /** A stored row as a cell (its histogram decoded), to be added to others. */
        static Cell of(MonitorMapper.Row row) {
            Cell cell = new Cell();
            cell.started = row.started;
            cell.completed = row.completed;
            cell.totalMs = row.totalMs;
            cell.maxMs = row.maxMs;
            cell.nodeType = row.nodeType;
            cell.histogram = Histograms.decode(row.histogram);
            return cell;
        }

        void record(long durationMs) {
            long ms = Math.max(0, durationMs);
            completed++;
            totalMs += ms;
            maxMs = Math.max(maxMs, ms);
            if (histogram == null) {
                histogram = Histograms.empty();
            }
            histogram.recordValue(ms);
        }

        void add(Cell other) {
            started += other.started;
            completed += other.completed;
            totalMs += other.totalMs;
            maxMs = Math.max(maxMs, other.maxMs);
            histogram = Histograms.merge(histogram, other.histogram);
            if (nodeType == null) {
                nodeType = other.nodeType;
            }
        }
    }

    record Slow(String processInstanceId, String processKey, String processDefinitionId, LocalDate period, String endNode,
                java.time.Instant startedAt, java.time.Instant endedAt, long durationMs) {
        static final Comparator<Slow> SLOWEST_FIRST = Comparator.comparingLong(Slow::durationMs).reversed()
                .thenComparing(Slow::processInstanceId);
    }

    final Map<ProcessKey, Cell> processes = new LinkedHashMap<>();
    final Map<NodeKey, Cell> nodes = new LinkedHashMap<>();
    final Map<GroupKey, Cell> groups = new LinkedHashMap<>();
    final Map<BreachKey, Long> breaches = new LinkedHashMap<>();
    final Map<ProcessKey, List<Slow>> slowest = new HashMap<>();
    private final ZoneId zone;

    Aggregates(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Adds one fact. {@code groupsOfTask} gives the candidate groups of a user task, {@code isBreach} whether an ended
     * node is a deadline timer that fired.
     */
    void add(Fact fact, Map<String, Set<String>> groupsOfTask, BiPredicate<String, Fact> isBreach) {
        LocalDate day = fact.happenedAt().atZone(zone).toLocalDate();
        LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        switch (fact.kind()) {
            case Fact.START -> {
                processes.computeIfAbsent(new ProcessKey(fact.processKey(), ALL, "D", day), k -> new Cell()).started++;
                processes.computeIfAbsent(new ProcessKey(fact.processKey(), ALL, "W", week), k -> new Cell()).started++;
            }
            case Fact.END -> {
                long ms = duration(fact);
                for (String end : new String[]{ALL, fact.nodeId()}) {
                    processes.computeIfAbsent(new ProcessKey(fact.processKey(), end, "D", day), k -> new Cell()).record(ms);
                    processes.computeIfAbsent(new ProcessKey(fact.processKey(), end, "W", week), k -> new Cell()).record(ms);
                }
                slowest.computeIfAbsent(new ProcessKey(fact.processKey(), ALL, "D", day), k -> new ArrayList<>())
                        .add(new Slow(fact.processInstanceId(), fact.processKey(), fact.processDefinitionId(), day, fact.nodeId(),
                                fact.startedAt(), fact.happenedAt(), ms));
            }
            case Fact.NODE -> {
                long ms = duration(fact);
                for (NodeKey key : List.of(new NodeKey(fact.processKey(), fact.nodeId(), "D", day),
                        new NodeKey(fact.processKey(), fact.nodeId(), "W", week))) {
                    Cell cell = nodes.computeIfAbsent(key, k -> new Cell());
                    cell.nodeType = fact.nodeType();
                    cell.record(ms);
                }
                if (fact.taskId() != null) {
                    for (String group : groupsOfTask.getOrDefault(fact.taskId(), Set.of())) {
                        groups.computeIfAbsent(new GroupKey(group, "D", day), k -> new Cell()).record(ms);
                        groups.computeIfAbsent(new GroupKey(group, "W", week), k -> new Cell()).record(ms);
                    }
                }
                if (isBreach.test(fact.processDefinitionId(), fact)) {
                    breaches.merge(new BreachKey(fact.processKey(), fact.nodeId(), day), 1L, Long::sum);
                }
            }
            default -> throw new IllegalArgumentException("Unknown fact " + fact.kind());
        }
    }

    /** The slowest instances of each process and day among those added (at most {@value #SLOWEST_PER_DAY} each). */
    Map<ProcessKey, List<Slow>> slowestPerDay() {
        Map<ProcessKey, List<Slow>> top = new HashMap<>();
        slowest.forEach((key, list) -> top.put(key, list.stream().sorted(Slow.SLOWEST_FIRST).limit(SLOWEST_PER_DAY).toList()));
        return top;
    }

    boolean isEmpty() {
        return processes.isEmpty() && nodes.isEmpty() && groups.isEmpty() && breaches.isEmpty();
    }

    private static long duration(Fact fact) {
        return fact.durationMs() == null ? 0 : Math.max(0, fact.durationMs());
    }
}
