package org.ticketops.performance;

import java.net.URI;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.identity.Groups;
import org.ticketops.web.InvalidField;

/** Performance cycles and results: HR starts a cycle; HR and operations managers read results; each employee their own. */
@RestController
@Tag(name = "Performance reviews")
class PerformanceController {

    /** Who reads every review; anyone else reads only their own. */
    static final List<String> READERS = List.of(Groups.authority(Groups.HR), Groups.authority(Groups.OPERATIONS_MANAGER),
            Groups.authority(Groups.ADMIN));

    private final PerformanceCycles cycles;
    private final PerformanceResults results;
    private final org.ticketops.decision.DecisionService decisions;
    private final PerformanceGradesTable grades;

    PerformanceController(PerformanceCycles cycles, PerformanceResults results,
                          org.ticketops.decision.DecisionService decisions, PerformanceGradesTable grades) {
        this.cycles = cycles;
        this.results = results;
        this.decisions = decisions;
        this.grades = grades;
    }

    /** What the performance-grades table in force suggests for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/performance-grades/evaluate")
    org.ticketops.decision.Decision<GradeSuggestion> evaluate(@jakarta.validation.Valid @RequestBody GradeInput input) {
        return decisions.evaluate(grades, input);
    }

    record StartCycle(String period) {
    }

    @Operation(summary = "Start the performance cycle of a month that has ended (409 when it exists)")
    @PostMapping("/api/performance/cycles")
    ResponseEntity<Cycle> start(@RequestBody StartCycle body, Principal user) {
        Cycle cycle = cycles.start(period(body == null ? null : body.period()), user.getName());
        return ResponseEntity.created(URI.create("/api/performance/results?period=" + cycle.period())).body(cycle);
    }

    @Operation(summary = "Every review of a period (HR, operations managers)")
    @GetMapping("/api/performance/results")
    List<PerformanceResults.Result> results(@RequestParam(required = false) String period) {
        return results.ofPeriod(period(period));
    }

    @Operation(summary = "Every review of a period as CSV (HR, operations managers)")
    @GetMapping(value = "/api/performance/results/csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String period) {
        YearMonth month = period(period);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"performance-" + month + ".csv\"")
                .body(results.csv(month));
    }

    @Operation(summary = "My own reviews (any member of staff)")
    @GetMapping("/api/performance/results/me")
    List<PerformanceResults.Result> mine(Authentication user) {
        return results.ofEmployee(user.getName(), false);
    }

    @Operation(summary = "One employee's reviews: HR and operations managers, or the employee (403 for anyone else's)")
    @GetMapping("/api/performance/results/employees/{employee}")
    List<PerformanceResults.Result> ofEmployee(@PathVariable String employee, Authentication user) {
        boolean reader = user.getAuthorities().stream().anyMatch(a -> READERS.contains(a.getAuthority()));
        if (!reader && !employee.equals(user.getName())) {
            throw new NotYourResults(employee);
        }
        return results.ofEmployee(employee, reader);
    }

    private static YearMonth period(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField("period", "is required, as YYYY-MM");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField("period", "must be a month as YYYY-MM");
        }
    }

    /** Someone else's results: 403. */
    static final class NotYourResults extends org.ticketops.web.ProblemException {
        NotYourResults(String employee) {
            super(Kind.FORBIDDEN, "NOT_YOUR_REVIEW", "Not your review",
                    "Only HR, the operations managers and " + employee + " may read " + employee + "'s reviews.",
                    Map.of("employee", employee));
        }
    }
}
