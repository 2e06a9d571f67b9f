package org.ticketops.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.springframework.stereotype.Service;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.quality.QualityReport;
import org.ticketops.quality.QualityService;

/**
 * Service quality as measurable KPIs, each with its weekly trend and its target from {@code ticketops.monitor.quality}:
 * refund turnaround (share done within the target time, and p90), complaint first response and resolution on time,
 * satisfaction and NPS (from the complaints' surveys). A KPI on the wrong side of its target is flagged.
 */
@Service
class MonitorQuality {

    private final MonitorMapper mapper;
    private final QualityService complaints;
    private final MonitorProperties.Quality targets;
    private final ZoneId zone;

    MonitorQuality(MonitorMapper mapper, QualityService complaints, MonitorProperties properties, TicketOpsProperties ticketOps) {
        this.mapper = mapper;
        this.complaints = complaints;
        this.targets = properties.quality();
        this.zone = ticketOps.zone();
    }

    /** One KPI: its value over the period, its target, whether it misses it, and its value per week (by Monday). */
    record Kpi(String id, String label, String unit, BigDecimal value, BigDecimal target, boolean higherIsBetter,
               boolean missesTarget, Map<LocalDate, BigDecimal> weeks) {
    }

    record QualityTrend(LocalDate from, LocalDate to, List<Kpi> kpis) {
    }

    QualityTrend trend(LocalDate from, LocalDate to) {
        MonitorService.check(from, to);
        MonitorService.Series refunds = MonitorService.series(mapper, PeriodPlan.of(from, to), targets.refundProcess())
                .getOrDefault(targets.refundProcess(), new MonitorService.Series());
        long turnaround = targets.refundTurnaround().toMillis();
        Map<LocalDate, BigDecimal> onTimeWeeks = new LinkedHashMap<>();
        Map<LocalDate, BigDecimal> p90Weeks = new LinkedHashMap<>();
        Map<LocalDate, QualityReport> weekly = new LinkedHashMap<>();
        for (LocalDate monday = from.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
             !monday.isAfter(to); monday = monday.plusWeeks(1)) { // every week of the period, with or without cases
            Aggregates.Cell cell = refunds.weeks.get(monday);
            onTimeWeeks.put(monday, cell == null ? null : onTime(cell.histogram, turnaround));
            p90Weeks.put(monday, cell == null ? null : hours(Histograms.percentile(cell.histogram, 90)));
            LocalDate start = monday.isBefore(from) ? from : monday;
            LocalDate end = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            weekly.put(monday, complaints.report(start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        QualityReport whole = complaints.report(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());

        List<Kpi> kpis = new ArrayList<>();
        kpis.add(kpi("refundOnTime", "Refunds done within " + human(targets.refundTurnaround()), "rate",
                onTime(refunds.all, turnaround), targets.refundOnTimeRate(), true, onTimeWeeks));
        kpis.add(kpi("refundTurnaroundP90", "Refund turnaround p90", "hours", hours(Histograms.percentile(refunds.all, 90)),
                hours(turnaround), false, p90Weeks));
        kpis.add(kpi("firstResponseOnTime", "Complaint first response on time", "rate", whole.firstResponseOnTimeRate(),
                targets.firstResponseOnTime(), true, weeks(weekly, QualityReport::firstResponseOnTimeRate)));
        kpis.add(kpi("resolutionOnTime", "Complaint resolution on time", "rate", whole.resolutionOnTimeRate(),
                targets.resolutionOnTime(), true, weeks(weekly, QualityReport::resolutionOnTimeRate)));
        kpis.add(kpi("satisfaction", "Satisfaction (1–5)", "score", whole.meanSatisfaction(), targets.satisfaction(), true,
                weeks(weekly, QualityReport::meanSatisfaction)));
        kpis.add(kpi("nps", "NPS", "score", whole.nps(), targets.nps(), true, weeks(weekly, QualityReport::nps)));
        return new QualityTrend(from, to, kpis);
    }

    private static Kpi kpi(String id, String label, String unit, BigDecimal value, BigDecimal target, boolean higherIsBetter,
                           Map<LocalDate, BigDecimal> weeks) {
        boolean misses = value != null && target != null && (higherIsBetter ? value.compareTo(target) < 0 : value.compareTo(target) > 0);
        return new Kpi(id, label, unit, value, target, higherIsBetter, misses, weeks);
    }

    private static Map<LocalDate, BigDecimal> weeks(Map<LocalDate, QualityReport> weekly,
                                                    java.util.function.Function<QualityReport, BigDecimal> figure) {
        Map<LocalDate, BigDecimal> weeks = new LinkedHashMap<>();
        weekly.forEach((monday, report) -> weeks.put(monday, figure.apply(report)));
        return weeks;
    }

    /** Share of the recorded durations at or under {@code limitMs} (within the histogram's 1 %), or null. */
    private static BigDecimal onTime(Histogram histogram, long limitMs) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return null;
        }
        return BigDecimal.valueOf(histogram.getCountBetweenValues(0, limitMs))
                .divide(BigDecimal.valueOf(histogram.getTotalCount()), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(Long ms) {
        return ms == null ? null : BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(3_600_000L), 2, RoundingMode.HALF_UP);
    }

    private static String human(java.time.Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " h";
    }
}
