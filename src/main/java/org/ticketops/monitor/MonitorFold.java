package org.ticketops.monitor;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.platform.TicketOpsProperties;

/**
 * Moves the facts the history handler wrote into the aggregates, and rebuilds the aggregates from the engine's
 * history. Whoever writes aggregates holds the fold row's lock ({@code SELECT ... FOR UPDATE}), so in a cluster one
 * node folds at a time and a fact is folded exactly once: it is read, summed and deleted in one transaction.
 */
@Component
public class MonitorFold {

    static final int BATCH = 5000;
    private static final int IN_LIST = 500;
    /** A rebuild leaves to the fold what happened in the last minutes: a transaction older than this is done. */
    static final Duration REBUILD_MARGIN = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(MonitorFold.class);

    private final MonitorMapper mapper;
    private final DeadlineTimers timers;
    private final MonitorMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean scheduled;

    MonitorFold(MonitorMapper mapper, DeadlineTimers timers, MonitorMetrics metrics, PlatformTransactionManager transactionManager,
                Clock clock, TicketOpsProperties ticketOps, MonitorProperties properties) {
        this.mapper = mapper;
        this.timers = timers;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.zone = ticketOps.zone();
        this.scheduled = properties.foldEnabled();
    }

    @Scheduled(initialDelayString = "${ticketops.monitor.fold-interval:PT10S}", fixedDelayString = "${ticketops.monitor.fold-interval:PT10S}")
    void onSchedule() {
        if (scheduled) {
            try {
                fold();
            } catch (RuntimeException e) {
                log.warn("Monitor fold failed; the facts stay and the next fold takes them", e);
            }
        }
    }

    /** Folds every fact waiting; returns how many were folded. */
    public int fold() {
        int total = 0;
        while (true) {
            List<Fact> folded = transactions.execute(status -> foldBatch());
            metrics.folded(folded, timers);
            total += folded.size();
            if (folded.size() < BATCH) {
                metrics.refreshOpenTasks();
                return total;
            }
        }
    }

    private List<Fact> foldBatch() {
        mapper.lockFold();
        List<Fact> facts = mapper.nextFacts(BATCH, mapper.rebuildCut());
        if (facts.isEmpty()) {
            mapper.markFolded(clock.instant(), 0); // the figures are as of now, even when nothing happened
            return facts;
        }
        write(aggregate(facts), true);
        List<Long> ids = facts.stream().map(Fact::id).toList();
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            mapper.deleteFacts(ids.subList(i, Math.min(ids.size(), i + IN_LIST)));
        }
        mapper.markFolded(clock.instant(), facts.size());
        return facts;
    }

    /**
     * Rebuilds every aggregate from {@code ACT_HI_*}, a week at a time (each week in its own transaction). What happened
     * in the last {@link #REBUILD_MARGIN} is left to the fold, so the engine may go on working meanwhile.
     */
    public RebuildReport rebuild() {
        long began = System.nanoTime();
        Instant cut = clock.instant().minus(REBUILD_MARGIN);
        Instant first = transactions.execute(status -> {
            mapper.lockFold();
            mapper.setRebuildCut(cut);
            for (String table : List.of("processes", "nodes", "groups", "breaches", "slowest")) {
                mapper.clear(table);
            }
            java.util.Date firstStart = mapper.firstHistory();
            return firstStart == null ? null : firstStart.toInstant();
        });
        long facts = 0;
        int weeks = 0;
        if (first != null && first.isBefore(cut)) {
            LocalDate monday = first.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (Instant from = monday.atStartOfDay(zone).toInstant(); from.isBefore(cut); ) {
                Instant next = from.atZone(zone).plusWeeks(1).toInstant();
                Instant to = next.isAfter(cut) ? cut : next;
                boolean last = !next.isBefore(cut);
                Instant a = from;
                facts += transactions.execute(status -> {
                    mapper.lockFold();
                    java.util.Date since = java.util.Date.from(a);
                    java.util.Date until = java.util.Date.from(to);
                    List<Fact> week = new ArrayList<>(mapper.historyStarts(since, until));
                    week.addAll(mapper.historyEnds(since, until));
                    week.addAll(mapper.historyNodes(since, until));
                    write(aggregate(week), last); // earlier weeks are new rows; the last may meet rows the fold wrote
                    return (long) week.size();
                });
                weeks++;
                from = next;
            }
        }
        transactions.executeWithoutResult(status -> {
            mapper.lockFold();
            mapper.deleteFactsBefore(cut);
            mapper.setRebuildCut(null);
        });
        RebuildReport report = new RebuildReport(cut, weeks, facts, Duration.ofNanos(System.nanoTime() - began).toMillis());
        log.info("Monitor rebuilt from history: {}", report);
        return report;
    }

    /** What a rebuild did. */
    public record RebuildReport(Instant historyBefore, int weeks, long facts, long millis) {
    }

    private Aggregates aggregate(List<Fact> facts) {
        Set<String> taskIds = new HashSet<>();
        facts.stream().filter(f -> f.taskId() != null && Fact.NODE.equals(f.kind())).forEach(f -> taskIds.add(f.taskId()));
        Map<String, Set<String>> groups = new HashMap<>();
        List<String> ids = new ArrayList<>(taskIds);
        for (int i = 0; i < ids.size(); i += IN_LIST) {
            for (MonitorMapper.TaskGroup link : mapper.candidateGroups(ids.subList(i, Math.min(ids.size(), i + IN_LIST)))) {
                groups.computeIfAbsent(link.taskId, k -> new HashSet<>()).add(link.groupId);
            }
        }
        Aggregates aggregates = new Aggregates(zone);
        facts.forEach(f -> aggregates.add(f, groups, timers::isBreach));
        return aggregates;
    }

    /** Writes summed facts: merged into existing rows ({@code merge}) or as new rows (a rebuild's earlier weeks). */
    private void write(Aggregates sums, boolean merge) {
        sums.processes.forEach((key, cell) -> {
            MonitorMapper.Row row = merge ? mapper.processRow(key) : null;
            if (row == null) {
                mapper.insertProcess(key, row(cell));
            } else {
                mapper.updateProcess(key, merged(row, cell));
            }
        });
        sums.nodes.forEach((key, cell) -> {
            MonitorMapper.Row row = merge ? mapper.nodeRow(key) : null;
            if (row == null) {
                mapper.insertNode(key, row(cell));
            } else {
                mapper.updateNode(key, merged(row, cell));
            }
        });
        sums.groups.forEach((key, cell) -> {
            MonitorMapper.Row row = merge ? mapper.groupRow(key) : null;
            if (row == null) {
                mapper.insertGroup(key, row(cell));
            } else {
                mapper.updateGroup(key, merged(row, cell));
            }
        });
        sums.breaches.forEach((key, n) -> {
            if (!merge || mapper.addBreaches(key, n) == 0) {
                mapper.insertBreaches(key, n);
            }
        });
        sums.slowestPerDay().forEach((day, candidates) -> {
            candidates.forEach(mapper::insertSlow);
            if (merge) {
                List<Aggregates.Slow> kept = mapper.slowestOfDay(day.processKey(), day.period());
                if (kept.size() > Aggregates.SLOWEST_PER_DAY) {
                    mapper.deleteSlow(kept.subList(Aggregates.SLOWEST_PER_DAY, kept.size()).stream()
                            .map(Aggregates.Slow::processInstanceId).toList());
                }
            }
        });
    }

    private static MonitorMapper.Row row(Aggregates.Cell cell) {
        MonitorMapper.Row row = new MonitorMapper.Row();
        row.nodeType = cell.nodeType;
        row.started = cell.started;
        row.completed = cell.completed;
        row.totalMs = cell.totalMs;
        row.maxMs = cell.maxMs;
        row.histogram = Histograms.encode(cell.histogram);
        return row;
    }

    private static MonitorMapper.Row merged(MonitorMapper.Row stored, Aggregates.Cell more) {
        Aggregates.Cell sum = Aggregates.Cell.of(stored);
        sum.add(more);
        return row(sum);
    }
}
