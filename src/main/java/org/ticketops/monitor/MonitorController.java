package org.ticketops.monitor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.monitor.MonitorReports.Heatmap;
import org.ticketops.monitor.MonitorReports.Overview;
import org.ticketops.monitor.MonitorReports.ProcessReport;
import org.ticketops.platform.TicketOpsProperties;

/**
 * The monitor's figures as JSON and CSV: {@code /api/monitor/overview}, {@code /api/monitor/processes/{key}},
 * {@code /api/monitor/heatmap?processDefinitionId=} (the Cockpit plugin's), {@code /api/monitor/quality}, each also
 * with {@code /csv}. Periods are days in the center's zone, {@code from} and {@code to} both included; without
 * them the last 30 days. {@code POST /api/monitor/rebuild} rebuilds the aggregates from the engine's history.
 */
@RestController
@RequestMapping("/api/monitor")
class MonitorController {

    private final MonitorService monitor;
    private final MonitorQuality quality;
    private final MonitorFold fold;
    private final Clock clock;
    private final ZoneId zone;

    MonitorController(MonitorService monitor, MonitorQuality quality, MonitorFold fold, Clock clock, TicketOpsProperties ticketOps) {
        this.monitor = monitor;
        this.quality = quality;
        this.fold = fold;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return monitor.overview(first(from, to), last(to));
    }

    @GetMapping("/overview/csv")
    ResponseEntity<String> overviewCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("monitor-overview.csv", MonitorCsv.overview(overview(from, to)));
    }

    @GetMapping("/processes/{key}")
    ProcessReport process(@PathVariable String key,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return monitor.process(key, first(from, to), last(to));
    }

    @GetMapping("/processes/{key}/csv")
    ResponseEntity<String> processCsv(@PathVariable String key,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("monitor-" + key.replaceAll("[^A-Za-z0-9]", "") + ".csv", MonitorCsv.process(process(key, from, to)));
    }

    @GetMapping("/heatmap")
    Heatmap heatmap(@RequestParam String processDefinitionId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return monitor.heatmap(processDefinitionId, first(from, to), last(to));
    }

    @GetMapping("/heatmap/csv")
    ResponseEntity<String> heatmapCsv(@RequestParam String processDefinitionId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("monitor-heatmap.csv", MonitorCsv.heatmap(heatmap(processDefinitionId, from, to)));
    }

    @GetMapping("/quality")
    MonitorQuality.QualityTrend quality(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return quality.trend(first(from, to), last(to));
    }

    @GetMapping("/quality/csv")
    ResponseEntity<String> qualityCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("monitor-quality.csv", MonitorCsv.quality(quality(from, to)));
    }

    @PostMapping("/rebuild")
    MonitorFold.RebuildReport rebuild() {
        return fold.rebuild();
    }

    private LocalDate last(LocalDate to) {
        return PeriodPlan.orLast30Days(null, to, clock, zone)[1];
    }

    private LocalDate first(LocalDate from, LocalDate to) {
        return PeriodPlan.orLast30Days(from, to, clock, zone)[0];
    }

    private static ResponseEntity<String> csv(String file, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").body(body);
    }
}
