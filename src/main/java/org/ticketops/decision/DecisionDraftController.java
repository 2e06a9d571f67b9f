package org.ticketops.decision;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.ticketops.web.InvalidField;

/** Drafts of a decision table over REST: rows as JSON, an uploaded spreadsheet, check, activate, delete. */
@RestController
@RequestMapping("/api/decision-tables/{table}")
class DecisionDraftController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final DecisionService decisions;
    private final DecisionDrafts drafts;
    private final ScheduledActivations scheduled;

    DecisionDraftController(DecisionService decisions, DecisionDrafts drafts, ScheduledActivations scheduled) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.scheduled = scheduled;
    }

    @Operation(summary = "A version's rule rows as the grid shows them: columns with their labels, rows by column letter")
    @GetMapping("/versions/{version}/rows")
    TableRows.View versionRows(@PathVariable String table, @PathVariable int version) {
        return TableRows.read(decisions.file(table, version).content());
    }

    @GetMapping("/drafts")
    List<TableDraft> list(@PathVariable String table) {
        return drafts.list(table);
    }

    /** Rows edited in the browser (or by a script), with the draft's scenarios (CSV; the version's when left out). */
    /** @param tables the rows of other rule tables of the sheet, by their place (1 = the second); left out: unchanged */
    record RowsDraft(@NotEmpty @Size(max = 2000) List<TableRows.RuleRow> rows,
                     @Size(max = 20) java.util.Map<Integer, List<TableRows.RuleRow>> tables,
                     @Size(max = 2_000_000) String scenarios, @Size(max = 500) String comment) {
        java.util.Map<Integer, List<TableRows.RuleRow>> all() {
            java.util.Map<Integer, List<TableRows.RuleRow>> all = new java.util.TreeMap<>();
            if (tables != null) {
                all.putAll(tables);
            }
            all.put(0, rows);
            return all;
        }
    }

    @Operation(summary = "A draft from rows (JSON), written into the template of the version in force")
    @PostMapping(path = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TableDraft> fromRows(@PathVariable String table, @Valid @RequestBody RowsDraft draft, Principal user) {
        TableDraft created = drafts.fromTables(table, draft.all(), draft.scenarios(), draft.comment(), user.getName());
        return ResponseEntity.created(URI.create("/api/decision-tables/" + table + "/drafts/" + created.id())).body(created);
    }

    @Operation(summary = "A draft from an edited .xlsx (and optionally scenarios)")
    @PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TableDraft> upload(@PathVariable String table, @RequestPart("file") MultipartFile file,
                                      @RequestPart(name = "scenarios", required = false) MultipartFile scenarios,
                                      @RequestParam(required = false) String comment, Principal user) throws IOException {
        String name = file.getOriginalFilename();
        if (name != null && !name.toLowerCase().endsWith(".xlsx")) {
            throw new InvalidField("file", "must be an .xlsx spreadsheet");
        }
        String csv = scenarios == null || scenarios.isEmpty() ? null : new String(scenarios.getBytes(), StandardCharsets.UTF_8);
        TableDraft created = drafts.upload(table, name, file.getBytes(), csv, comment, user.getName());
        return ResponseEntity.created(URI.create("/api/decision-tables/" + table + "/drafts/" + created.id())).body(created);
    }

    @GetMapping("/drafts/{id}")
    TableDraft get(@PathVariable String table, @PathVariable long id) {
        return drafts.get(table, id);
    }

    @GetMapping("/drafts/{id}/rows")
    TableRows.View rows(@PathVariable String table, @PathVariable long id) {
        return drafts.rows(table, id);
    }

    @GetMapping("/drafts/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String table, @PathVariable long id) {
        StoredTableFile file = drafts.file(table, id);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(table + "-draft-" + id + ".xlsx").build().toString()).body(file.content());
    }

    record DraftChange(@Size(max = 2000) List<TableRows.RuleRow> rows, @Size(max = 2_000_000) String scenarios) {
    }

    @PutMapping("/drafts/{id}")
    TableDraft update(@PathVariable String table, @PathVariable long id, @Valid @RequestBody DraftChange change,
                      Principal user) {
        return drafts.update(table, id, change.rows(), change.scenarios(), user.getName());
    }

    @DeleteMapping("/drafts/{id}")
    ResponseEntity<Void> delete(@PathVariable String table, @PathVariable long id, Principal user) {
        drafts.delete(table, id, user.getName());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Checks a draft: compile, scenarios, and a replay of the last 30 days of logged decisions")
    @PostMapping("/drafts/{id}/check")
    DraftReport check(@PathVariable String table, @PathVariable long id, Principal user) {
        return drafts.check(table, id, user.getName());
    }

    /** @param at when the draft goes into force (ISO-8601 with offset); now when left out */
    record Kept(@Size(max = 200) String name, @jakarta.validation.constraints.NotNull java.util.Map<String, Object> input) {
    }

    @Operation(summary = "Keeps a decision as a scenario of the draft: its input, with what the draft decides as expected")
    @PostMapping("/drafts/{id}/scenarios")
    java.util.Map<String, Integer> keep(@PathVariable String table, @PathVariable long id, @Valid @RequestBody Kept kept,
                                        Principal user) {
        return java.util.Map.of("line", drafts.keepAsScenario(table, id, kept.name(), kept.input(), user.getName()));
    }

    record Activation(@Size(max = 500) String comment, java.time.OffsetDateTime at) {
    }

    @Operation(summary = "Puts an earlier version's rows back in force as a new version (comment required)")
    @PostMapping("/versions/{version}/rollback")
    TableVersion rollback(@PathVariable String table, @PathVariable int version, @Valid @RequestBody Activation activation,
                          Principal user) {
        return drafts.rollback(table, version, activation.comment(), user.getName());
    }

    @Operation(summary = "Compares two versions row by row: added, removed, moved, changed cell by cell")
    @GetMapping("/diff")
    TableDiff.Result diff(@PathVariable String table, @RequestParam int from, @RequestParam int to) {
        return drafts.diff(table, from, to);
    }

    @Operation(summary = "Puts a draft in force as the next version (comment required; 409 when stale)")
    @PostMapping("/drafts/{id}/activate")
    Object activate(@PathVariable String table, @PathVariable long id, @Valid @RequestBody Activation activation,
                    Principal user) {
        if (activation.at() != null) {
            return scheduled.schedule(table, id, activation.at().toInstant(), activation.comment(), user.getName());
        }
        return drafts.activate(table, id, activation.comment(), user.getName());
    }

    @GetMapping("/schedules")
    List<ScheduledActivation> schedules(@PathVariable String table) {
        return scheduled.schedules(table);
    }

    @Operation(summary = "Cancels a pending scheduled activation")
    @PostMapping("/schedules/{id}/cancel")
    ScheduledActivation cancel(@PathVariable String table, @PathVariable long id, Principal user) {
        return scheduled.cancelSchedule(table, id, user.getName());
    }
}
