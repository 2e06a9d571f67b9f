package org.ticketops.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Service quality: {@code GET /api/quality?from=&to=} (JSON), {@code /api/quality/csv} (the same figures as CSV) and
 * the page {@code /quality} with its charts (ECharts, served from the jar). Without a period: the last 30 days.
 */
@Controller
class QualityController {

    private final QualityService quality;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.time.ZoneId zone;

    QualityController(QualityService quality, ObjectMapper json, Clock clock, org.ticketops.platform.TicketOpsProperties ticketOps) {
        this.quality = quality;
        this.json = json;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    @GetMapping("/api/quality")
    @ResponseBody
    QualityReport report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return quality.report(start(from, to), end(to));
    }

    @GetMapping("/api/quality/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"quality.csv\"")
                .body(quality.csv(quality.report(start(from, to), end(to))));
    }

    @GetMapping("/quality")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                Model model, Authentication user) throws JsonProcessingException {
        java.time.LocalDate last = to == null ? clock.instant().atZone(zone).toLocalDate() : to;
        java.time.LocalDate first = from == null ? last.minusDays(29) : from;
        QualityReport report = quality.report(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("report", report);
        model.addAttribute("reportJson", json.writeValueAsString(report));
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("user", user.getName());
        return "quality/page";
    }

    private Instant end(OffsetDateTime to) {
        return to == null ? clock.instant() : to.toInstant();
    }

    private Instant start(OffsetDateTime from, OffsetDateTime to) {
        return from == null ? end(to).minus(Duration.ofDays(30)) : from.toInstant();
    }
}
