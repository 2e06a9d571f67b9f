package org.ticketops.finance;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.ticketops.web.InvalidField;

/** Money controls: settlement files, reconciled days and their corrections, revenue reports, risk warnings. */
@RestController
@Tag(name = "Finance")
class FinanceController {

    private final SettlementFiles files;
    private final Reconciliations reconciliations;
    private final RevenueReports reports;
    private final RevenuePdf pdf;
    private final RiskWarnings warnings;
    private final org.ticketops.decision.DecisionService decisions;
    private final RiskWarningsTable riskTable;

    FinanceController(SettlementFiles files, Reconciliations reconciliations, RevenueReports reports, RevenuePdf pdf,
                      RiskWarnings warnings, org.ticketops.decision.DecisionService decisions, RiskWarningsTable riskTable) {
        this.decisions = decisions;
        this.riskTable = riskTable;
        this.files = files;
        this.reconciliations = reconciliations;
        this.reports = reports;
        this.pdf = pdf;
        this.warnings = warnings;
    }

    /** What the risk-warnings table in force says for an indicator's value (nothing is stored). */
    @PostMapping("/api/decisions/risk-warnings/evaluate")
    org.ticketops.decision.Decision<RiskDecision> evaluate(@jakarta.validation.Valid @RequestBody RiskInput input) {
        return decisions.evaluate(riskTable, input);
    }

    @Operation(summary = "Upload the payment provider's settlement file (CSV: reference,amount,fee,value_date)")
    @PostMapping(value = "/api/settlements", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<SettlementFiles.Imported> upload(@RequestBody byte[] content, @RequestParam(required = false) String name,
                                                    Principal user) {
        var imported = files.importFile(name, content, "UPLOAD", user.getName());
        return ResponseEntity.created(URI.create("/api/settlements/" + imported.fileId())).body(imported);
    }

    @PostMapping(value = "/api/settlements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SettlementFiles.Imported> uploadForm(@RequestParam("file") MultipartFile file, Principal user)
            throws java.io.IOException {
        var imported = files.importFile(file.getOriginalFilename(), file.getBytes(), "UPLOAD", user.getName());
        return ResponseEntity.created(URI.create("/api/settlements/" + imported.fileId())).body(imported);
    }

    record StartDay(String day) {
    }

    @Operation(summary = "Reconcile a business day that has ended (409 when it was)")
    @PostMapping("/api/reconciliation/days")
    ResponseEntity<ReconciliationDay> start(@RequestBody StartDay body, Principal user) {
        LocalDate day = day(body == null ? null : body.day(), "day");
        ReconciliationDay started = reconciliations.start(day, user.getName());
        return ResponseEntity.created(URI.create("/api/reconciliation/days/" + day)).body(started);
    }

    record DayView(ReconciliationDay day, List<Mismatch> mismatches) {
    }

    @GetMapping("/api/reconciliation/days/{day}")
    DayView day(@PathVariable String day) {
        ReconciliationDay found = reconciliations.dayOf(day(day, "day"))
                .orElseThrow(() -> new org.ticketops.web.NotFound("reconciled day", day));
        return new DayView(found, reconciliations.mismatches(found.id()));
    }

    record Correction(String debit, String credit, BigDecimal amount, String reason) {
    }

    @Operation(summary = "Correct a closed day: posted to today, referring to the closed day")
    @PostMapping("/api/reconciliation/days/{day}/corrections")
    ResponseEntity<List<Posting>> correct(@PathVariable String day, @RequestBody Correction body, Principal user) {
        if (body == null) {
            throw new InvalidField("amount", "is required");
        }
        return ResponseEntity.status(201).body(reconciliations.correct(day(day, "day"), body.debit(), body.credit(),
                body.amount(), body.reason(), user.getName()));
    }

    @GetMapping("/api/reports/daily-revenue")
    RevenueReports.Daily daily(@RequestParam(required = false) String day) {
        return reports.daily(day(day, "day"));
    }

    @GetMapping(value = "/api/reports/daily-revenue/csv", produces = "text/csv")
    ResponseEntity<String> dailyCsv(@RequestParam(required = false) String day) {
        LocalDate d = day(day, "day");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"revenue-" + d + ".csv\"").body(reports.csv(reports.daily(d)));
    }

    @GetMapping(value = "/api/reports/daily-revenue/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> dailyPdf(@RequestParam(required = false) String day) {
        LocalDate d = day(day, "day");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"revenue-" + d + ".pdf\"").body(pdf.render(reports.daily(d)));
    }

    @GetMapping("/api/reports/monthly-revenue")
    RevenueReports.Monthly monthly(@RequestParam(required = false) String month) {
        return reports.monthly(month(month));
    }

    @GetMapping(value = "/api/reports/monthly-revenue/csv", produces = "text/csv")
    ResponseEntity<String> monthlyCsv(@RequestParam(required = false) String month) {
        YearMonth m = month(month);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"revenue-" + m + ".csv\"").body(reports.csv(reports.monthly(m)));
    }

    @Operation(summary = "Open risk warnings (WARN, ALERT), or every indicator of a day")
    @GetMapping("/api/risk-warnings")
    List<RiskWarning> risks(@RequestParam(required = false) String day) {
        return day == null ? warnings.open() : warnings.ofDay(day(day, "day"));
    }

    record Acknowledgement(String comment) {
    }

    @PostMapping("/api/risk-warnings/{id}/acknowledge")
    RiskWarning acknowledge(@PathVariable long id, @RequestBody Acknowledgement body, Principal user) {
        return warnings.acknowledge(id, body == null ? null : body.comment(), user.getName());
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(field, "is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date as YYYY-MM-DD");
        }
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField("month", "is required, as YYYY-MM");
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField("month", "must be a month as YYYY-MM");
        }
    }
}
