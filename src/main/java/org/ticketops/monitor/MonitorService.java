package org.ticketops.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.springframework.stereotype.Service;
import org.ticketops.monitor.MonitorReports.Bucket;
import org.ticketops.monitor.MonitorReports.GroupAges;
import org.ticketops.monitor.MonitorReports.Heatmap;
import org.ticketops.monitor.MonitorReports.NodeFigures;
import org.ticketops.monitor.MonitorReports.Overview;
import org.ticketops.monitor.MonitorReports.ProcessReport;
import org.ticketops.monitor.MonitorReports.ProcessSummary;
import org.ticketops.monitor.MonitorReports.SlowInstance;
import org.ticketops.monitor.MonitorReports.TaskFigures;
import org.ticketops.monitor.MonitorReports.Week;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * The monitor's figures, read from the aggregates only (and the engine's runtime tables for what is open now):
 * a period merges its week rows and its edge days' rows, never {@code ACT_HI_*}.
 */
@Service
public class MonitorService {

    static final int SLOWEST = 20;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Bounds of the cycle-time histogram on the page. */
    private static final long[] BUCKETS = {MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, 8 * HOUR, DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY};
    private static final String[] BUCKET_LABELS = {"≤ 1 min", "1–5 min", "5–15 min", "15–60 min", "1–4 h", "4–8 h", "8–24 h",
            "1–3 days", "3–7 days", "1–2 weeks", "2–4 weeks", "> 4 weeks"};

    private final MonitorMapper mapper;
    private final ProcessCatalog catalog;
    private final MonitorProperties properties;
    private final Clock clock;

    MonitorService(MonitorMapper mapper, ProcessCatalog catalog, MonitorProperties properties, Clock clock) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public Overview overview(LocalDate from, LocalDate to) {
        check(from, to);
        PeriodPlan plan = PeriodPlan.of(from, to);
        Map<String, Series> series = series(mapper, plan, null);
        Map<String, Map<String, MonitorMapper.Row>> totals = totals(from, to);
        Map<String, Long> breaches = breachesByProcess(null, from, to);
        Map<String, Long> open = open();
        List<ProcessSummary> processes = new ArrayList<>();
        for (String key : catalog.keys(totals.keySet())) {
            processes.add(summary(key, series.getOrDefault(key, new Series()), totals.getOrDefault(key, Map.of()),
                    breaches.getOrDefault(key, 0L), open.getOrDefault(key, 0L), plan));
        }
        return new Overview(from, to, mapper.lastFold(), processes, groupWaits(plan));
    }

    public ProcessReport process(String processKey, LocalDate from, LocalDate to) {
        check(from, to);
        if (!catalog.exists(processKey)) {
            throw new NotFound("process", processKey);
        }
        PeriodPlan plan = PeriodPlan.of(from, to);
        Series series = series(mapper, plan, processKey).getOrDefault(processKey, new Series());
        ProcessSummary summary = summary(processKey, series, totals(from, to).getOrDefault(processKey, Map.of()),
                breachesByProcess(processKey, from, to).getOrDefault(processKey, 0L), open().getOrDefault(processKey, 0L), plan);

        long[] counts = new long[BUCKETS.length + 1];
        if (series.all != null) { // each recorded value once, by the lowest value it stands for (within 1 %)
            series.all.recordedValues().forEach(v -> {
                long value = series.all.lowestEquivalentValue(v.getValueIteratedTo());
                int i = 0;
                while (i < BUCKETS.length && value > BUCKETS[i]) {
                    i++;
                }
                counts[i] += v.getCountAtValueIteratedTo();
            });
        }
        List<Bucket> histogram = new ArrayList<>();
        for (int i = 0; i <= BUCKETS.length; i++) {
            histogram.add(new Bucket(BUCKET_LABELS[i], i == BUCKETS.length ? Long.MAX_VALUE : BUCKETS[i], counts[i]));
        }

        Map<String, Aggregates.Cell> nodes = nodes(processKey, plan);
        long cycleTotal = summary.completed() == 0 ? 0 : series.totalMs;
        Map<String, String> names = catalog.nodeNames(processKey);
        List<TaskFigures> tasks = nodes.entrySet().stream().filter(e -> "userTask".equals(e.getValue().nodeType))
                .map(e -> new TaskFigures(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue().completed,
                        Histograms.percentile(e.getValue().histogram, 50), Histograms.percentile(e.getValue().histogram, 90),
                        e.getValue().maxMs, cycleTotal == 0 ? null
                        : BigDecimal.valueOf(e.getValue().totalMs).divide(BigDecimal.valueOf(cycleTotal), 4, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing((TaskFigures t) -> t.shareOfCycle() == null ? BigDecimal.ZERO : t.shareOfCycle()).reversed()
                        .thenComparing(t -> t.p90Ms() == null ? 0 : -t.p90Ms()))
                .toList();

        Instant now = clock.instant();
        List<GroupAges> groups = mapper.openTasksAt(processKey, now).stream()
                .map(g -> new GroupAges(g.groupId, g.underHour, g.hourTo8, g.hour8To24, g.day1To3, g.over3Days,
                        g.underHour + g.hourTo8 + g.hour8To24 + g.day1To3 + g.over3Days)).toList();

        List<SlowInstance> slowest = mapper.slowest(processKey, from, to, SLOWEST).stream()
                .map(s -> new SlowInstance(s.processInstanceId(), s.processDefinitionId(), s.endNode(), s.startedAt(), s.endedAt(),
                        s.durationMs(), "/camunda/app/cockpit/default/#/process-definition/" + s.processDefinitionId() + "/runtime"))
                .toList();
        return new ProcessReport(from, to, mapper.lastFold(), summary, histogram, tasks, groups, slowest);
    }

    /** Every flow node of a process definition's key in a period, for the Cockpit heatmap. */
    public Heatmap heatmap(String processDefinitionId, LocalDate from, LocalDate to) {
        check(from, to);
        String processKey = catalog.keyOfDefinition(processDefinitionId);
        Map<String, Aggregates.Cell> nodes = nodes(processKey, PeriodPlan.of(from, to));
        Map<String, String> names = catalog.nodeNames(processKey);
        List<NodeFigures> figures = new ArrayList<>();
        nodes.forEach((id, cell) -> {
            Long p90 = Histograms.percentile(cell.histogram, 90);
            Duration target = properties.nodeTargets().get(processKey + "." + id);
            Long targetMs = target == null ? null : target.toMillis();
            figures.add(new NodeFigures(id, names.getOrDefault(id, id), cell.nodeType, cell.completed,
                    Histograms.percentile(cell.histogram, 50), p90, cell.maxMs, targetMs, level(p90, targetMs)));
        });
        figures.sort(Comparator.comparing(NodeFigures::nodeId));
        return new Heatmap(processKey, processDefinitionId, from, to, mapper.lastFold(), figures);
    }

    /** ok (p90 within target), warn (up to twice), late (more), or none (no target). */
    static String level(Long p90, Long target) {
        if (p90 == null || target == null) {
            return "none";
        }
        return p90 <= target ? "ok" : p90 <= 2 * target ? "warn" : "late";
    }

    private ProcessSummary summary(String key, Series series, Map<String, MonitorMapper.Row> totals, long breaches, long open,
                                   PeriodPlan plan) {
        MonitorMapper.Row all = totals.get(Aggregates.ALL);
        long completed = all == null ? 0 : all.completed;
        Map<String, Long> ends = new TreeMap<>();
        Map<String, BigDecimal> shares = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        Map<String, String> nodeNames = totals.size() > 1 ? catalog.nodeNames(key) : Map.of();
        totals.forEach((end, row) -> {
            if (!Aggregates.ALL.equals(end) && row.completed > 0) {
                ends.put(end, row.completed);
                shares.put(end, BigDecimal.valueOf(row.completed).divide(BigDecimal.valueOf(completed), 4, RoundingMode.HALF_UP));
                names.put(end, Fact.CANCELLED.equals(end) ? "Cancelled" : nodeNames.getOrDefault(end, end));
            }
        });
        Duration target = properties.cycleTargets().get(key);
        List<Week> weeks = new ArrayList<>();
        series.weeks.forEach((monday, cell) -> weeks.add(new Week(monday, cell.started, cell.completed,
                Histograms.percentile(cell.histogram, 50), Histograms.percentile(cell.histogram, 90))));
        return new ProcessSummary(key, catalog.name(key), all == null ? 0 : all.started, completed, open,
                Histograms.percentile(series.all, 50), Histograms.percentile(series.all, 90), Histograms.percentile(series.all, 95),
                all == null || completed == 0 ? null : all.maxMs, target == null ? null : target.toMillis(), ends, shares, names, breaches, weeks);
    }

    /** The '*' series of each process: the period's merged histogram and each week's (edge weeks from their days). */
    static Map<String, Series> series(MonitorMapper mapper, PeriodPlan plan, String processKey) {
        Map<String, Series> series = new HashMap<>();
        for (MonitorMapper.Row row : plan.rows((grain, from, to) -> mapper.processRows(processKey, Aggregates.ALL, grain, from, to))) {
            Series s = series.computeIfAbsent(row.owner, k -> new Series());
            Aggregates.Cell cell = Aggregates.Cell.of(row);
            s.weeks.computeIfAbsent(row.period.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new Aggregates.Cell()).add(cell);
            s.all = Histograms.merge(s.all, cell.histogram);
            s.totalMs += row.totalMs;
        }
        return series;
    }

    private Map<String, Aggregates.Cell> nodes(String processKey, PeriodPlan plan) {
        return merged(plan.rows((grain, from, to) -> mapper.nodeRows(processKey, grain, from, to)), row -> row.item, new LinkedHashMap<>());
    }

    private List<MonitorReports.GroupWaits> groupWaits(PeriodPlan plan) {
        List<MonitorReports.GroupWaits> waits = new ArrayList<>();
        merged(plan.rows(mapper::groupRows), row -> row.owner, new TreeMap<>()).forEach((group, cell) -> waits.add(
                new MonitorReports.GroupWaits(group, cell.completed, Histograms.percentile(cell.histogram, 50),
                        Histograms.percentile(cell.histogram, 90), cell.maxMs)));
        return waits;
    }

    /** Rows summed by a key of theirs. */
    private static Map<String, Aggregates.Cell> merged(List<MonitorMapper.Row> rows, java.util.function.Function<MonitorMapper.Row, String> key,
                                                       Map<String, Aggregates.Cell> into) {
        rows.forEach(row -> into.computeIfAbsent(key.apply(row), k -> new Aggregates.Cell()).add(Aggregates.Cell.of(row)));
        return into;
    }

    private Map<String, Map<String, MonitorMapper.Row>> totals(LocalDate from, LocalDate to) {
        Map<String, Map<String, MonitorMapper.Row>> totals = new HashMap<>();
        for (MonitorMapper.Row row : mapper.processTotals(from, to)) {
            totals.computeIfAbsent(row.owner, k -> new HashMap<>()).put(row.item, row);
        }
        return totals;
    }

    private Map<String, Long> breachesByProcess(String processKey, LocalDate from, LocalDate to) {
        Map<String, Long> breaches = new HashMap<>();
        mapper.breaches(processKey, from, to).forEach(c -> breaches.merge(c.owner, c.amount, Long::sum));
        return breaches;
    }

    private Map<String, Long> open() {
        Map<String, Long> open = new HashMap<>();
        mapper.openInstances().forEach(c -> open.put(c.owner, c.amount));
        return open;
    }

    /** A period is days in the center's zone, both included, at most two years. */
    static void check(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
        if (from.plusYears(2).plusDays(1).isBefore(to)) {
            throw new InvalidField("to", "a period covers at most two years");
        }
    }

    /** One process's merged '*' histogram over a period and its weeks. */
    static final class Series {
        Histogram all;
        long totalMs;
        final Map<LocalDate, Aggregates.Cell> weeks = new TreeMap<>();
    }
}
