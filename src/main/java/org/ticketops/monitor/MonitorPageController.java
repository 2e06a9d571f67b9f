package org.ticketops.monitor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ticketops.monitor.MonitorReports.Overview;
import org.ticketops.monitor.MonitorReports.ProcessReport;
import org.ticketops.platform.TicketOpsProperties;

/**
 * The monitor page {@code /monitor} for process owners: the overview of every process, one process in depth
 * ({@code ?process=}) and the service-quality KPIs, over a period (default the last 30 days), charts from the jar.
 */
@Controller
class MonitorPageController {

    private final MonitorService monitor;
    private final MonitorQuality quality;
    private final org.ticketops.finance.RiskWarnings risks;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    MonitorPageController(MonitorService monitor, MonitorQuality quality, org.ticketops.finance.RiskWarnings risks,
                          ObjectMapper json, Clock clock, TicketOpsProperties ticketOps) {
        this.monitor = monitor;
        this.quality = quality;
        this.risks = risks;
        this.json = json;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    @GetMapping("/monitor")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String process, Model model, Authentication user) throws JsonProcessingException {
        LocalDate[] period = PeriodPlan.orLast30Days(from, to, clock, zone);
        LocalDate first = period[0];
        LocalDate last = period[1];
        Overview overview = monitor.overview(first, last);
        String selected = process == null || process.isBlank() ? null : process;
        ProcessReport report = selected == null ? null : monitor.process(selected, first, last);
        MonitorQuality.QualityTrend kpis = quality.trend(first, last);
        model.addAttribute("overview", overview);
        model.addAttribute("overviewJson", json.writeValueAsString(overview));
        model.addAttribute("report", report);
        model.addAttribute("reportJson", report == null ? "null" : json.writeValueAsString(report));
        model.addAttribute("quality", kpis);
        model.addAttribute("qualityJson", json.writeValueAsString(kpis));
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("process", selected);
        model.addAttribute("asOf", asOf(overview.asOf()));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("fmt", new Format(zone));
        model.addAttribute("user", user.getName());
        model.addAttribute("risks", risks.open());
        model.addAttribute("canAcknowledge", user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(
                org.ticketops.identity.Groups.authority(org.ticketops.identity.Groups.GENERAL_MANAGER))
                || a.getAuthority().equals(org.ticketops.identity.Groups.authority(org.ticketops.identity.Groups.ADMIN))));
        return "monitor/page";
    }

    /** The general manager acknowledges a risk warning with a comment; it leaves the list. */
    @org.springframework.web.bind.annotation.PostMapping("/monitor/risk-warnings/{id}/acknowledge")
    String acknowledge(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam(required = false) String comment,
                       Authentication user, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            risks.acknowledge(id, comment, user.getName());
            redirect.addFlashAttribute("riskMessage", "Warning acknowledged.");
        } catch (org.ticketops.web.InvalidField refused) {
            redirect.addFlashAttribute("riskMessage", refused.getMessage());
        }
        return "redirect:/monitor#risks";
    }

    private String asOf(Instant folded) {
        return folded == null ? "no fold yet" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(folded.atZone(zone));
    }

    /** How the page writes durations, shares and times. */
    public record Format(ZoneId zone) {

        public String duration(Long ms) {
            if (ms == null) {
                return "–";
            }
            long minutes = Math.round(ms / 60_000.0);
            if (ms < 60_000) {
                return ms / 1000 + " s";
            }
            if (minutes < 60) {
                return minutes + " min";
            }
            if (minutes < 48 * 60) {
                return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
            }
            double days = minutes / 1440.0;
            return String.format(java.util.Locale.ROOT, days < 10 ? "%.1f days" : "%.0f days", days);
        }

        public String share(java.math.BigDecimal share) {
            return share == null ? "–" : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + " %";
        }

        public String time(Instant at) {
            return at == null ? "–" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone));
        }

        public String ends(MonitorReports.ProcessSummary p) {
            return p.endShares().isEmpty() ? "–" : String.join(", ", p.endShares().entrySet().stream()
                    .map(e -> p.endNames().getOrDefault(e.getKey(), e.getKey()) + " " + share(e.getValue())).toList());
        }

        public boolean late(Long p90, Long target) {
            return p90 != null && target != null && p90 > target;
        }

        public List<String> groupColumns() {
            return List.of("< 1 h", "1–8 h", "8–24 h", "1–3 days", "> 3 days");
        }
    }
}
