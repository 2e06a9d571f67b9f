package org.ticketops.monitor;

import org.ticketops.monitor.MonitorReports.Heatmap;
import org.ticketops.monitor.MonitorReports.Overview;
import org.ticketops.monitor.MonitorReports.ProcessReport;
import org.ticketops.monitor.MonitorReports.ProcessSummary;
import org.ticketops.web.Csv;

/** The monitor's figures as CSV, one figure a line: figure, process, key, value (durations in milliseconds). */
final class MonitorCsv {

    private MonitorCsv() {
    }

    static String overview(Overview overview) {
        StringBuilder out = header();
        overview.processes().forEach(p -> summary(out, p));
        overview.groups().forEach(g -> {
            line(out, "group tasks completed", "", g.group(), g.completed());
            line(out, "group wait p50 ms", "", g.group(), g.p50Ms());
            line(out, "group wait p90 ms", "", g.group(), g.p90Ms());
        });
        return out.toString();
    }

    static String process(ProcessReport report) {
        StringBuilder out = header();
        String key = report.summary().processKey();
        summary(out, report.summary());
        report.histogram().forEach(b -> line(out, "cycle time histogram", key, b.label(), b.count()));
        report.tasks().forEach(t -> {
            line(out, "task completed", key, t.taskId(), t.completed());
            line(out, "task wait p50 ms", key, t.taskId(), t.p50Ms());
            line(out, "task wait p90 ms", key, t.taskId(), t.p90Ms());
            line(out, "task share of cycle time", key, t.taskId(), t.shareOfCycle());
        });
        report.groups().forEach(g -> {
            line(out, "open tasks < 1 h", key, g.group(), g.underHour());
            line(out, "open tasks 1-8 h", key, g.group(), g.hour1To8());
            line(out, "open tasks 8-24 h", key, g.group(), g.hours8To24());
            line(out, "open tasks 1-3 days", key, g.group(), g.days1To3());
            line(out, "open tasks > 3 days", key, g.group(), g.over3Days());
        });
        report.slowest().forEach(s -> line(out, "slowest instance ms", key, s.processInstanceId(), s.durationMs()));
        return out.toString();
    }

    static String heatmap(Heatmap heatmap) {
        StringBuilder out = header();
        heatmap.nodes().forEach(n -> {
            line(out, "node count", heatmap.processKey(), n.nodeId(), n.count());
            line(out, "node p50 ms", heatmap.processKey(), n.nodeId(), n.p50Ms());
            line(out, "node p90 ms", heatmap.processKey(), n.nodeId(), n.p90Ms());
            line(out, "node target ms", heatmap.processKey(), n.nodeId(), n.targetMs());
        });
        return out.toString();
    }

    static String quality(MonitorQuality.QualityTrend trend) {
        StringBuilder out = header();
        trend.kpis().forEach(k -> {
            line(out, k.id(), "", "period", k.value());
            line(out, k.id(), "", "target", k.target());
            k.weeks().forEach((monday, value) -> line(out, k.id(), "", "week " + monday, value));
        });
        return out.toString();
    }

    private static void summary(StringBuilder out, ProcessSummary p) {
        String key = p.processKey();
        line(out, "started", key, "", p.started());
        line(out, "completed", key, "", p.completed());
        line(out, "open", key, "", p.open());
        line(out, "cycle time p50 ms", key, "", p.p50Ms());
        line(out, "cycle time p90 ms", key, "", p.p90Ms());
        line(out, "cycle time p95 ms", key, "", p.p95Ms());
        line(out, "cycle time max ms", key, "", p.maxMs());
        line(out, "deadline breaches", key, "", p.breaches());
        p.endShares().forEach((end, share) -> line(out, "end event share", key, end, share));
        p.weeks().forEach(w -> {
            line(out, "week completed", key, w.monday().toString(), w.completed());
            line(out, "week p50 ms", key, w.monday().toString(), w.p50Ms());
            line(out, "week p90 ms", key, w.monday().toString(), w.p90Ms());
        });
    }

    private static StringBuilder header() {
        return new StringBuilder("figure,process,key,value\n");
    }

    /** Keys are process keys, node ids, group ids and dates: quoted anyway, and a leading formula sign defused. */
    private static void line(StringBuilder out, String figure, String process, String key, Object value) {
        out.append(figure).append(',').append(Csv.cell(process)).append(',').append(Csv.cell(key)).append(',')
                .append(value == null ? "" : value).append('\n');
    }

}
