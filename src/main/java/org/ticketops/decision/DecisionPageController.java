package org.ticketops.decision;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ticketops.identity.Groups;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.ProblemException;
import org.ticketops.web.Csv;

/**
 * The managers' page for decision tables, {@code /decisions}: every table with its version in force, one table's
 * rows as a grid, drafts edited cell by cell or uploaded as .xlsx, a check on one screen (compile, scenarios,
 * replay of real past decisions) and activation with a comment. Finance reads. It calls the same services as the
 * REST API, so the guard, the scenarios and the stale-draft rule hold here too.
 */
@Controller
class DecisionPageController {

    private final DecisionService decisions;
    private final DecisionDrafts drafts;
    private final ScheduledActivations scheduled;
    private final DraftMapper log;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;

    DecisionPageController(DecisionService decisions, DecisionDrafts drafts, ScheduledActivations scheduled, DraftMapper log,
                           com.fasterxml.jackson.databind.ObjectMapper json, TicketOpsProperties ticketOps, Clock clock) {
        this.json = json;
        this.decisions = decisions;
        this.drafts = drafts;
        this.scheduled = scheduled;
        this.log = log;
        this.zone = ticketOps.zone();
        this.clock = clock;
    }

    public final class Format {
        public String time(Instant instant) {
            return org.ticketops.web.Display.time(instant, zone);
        }

        /** An ISO instant ("2026-11-24T16:07:19.646Z") as the center reads it. */
        public String time(String iso) {
            return time(Instant.parse(iso));
        }
    }

    private void common(Model model, Authentication user) {
        model.addAttribute("fmt", new Format());
        model.addAttribute("user", user.getName());
        model.addAttribute("edits", user.getAuthorities().stream().anyMatch(a -> List.of(Groups.authority(Groups.OPERATIONS_MANAGER),
                Groups.authority(Groups.GENERAL_MANAGER), Groups.authority(Groups.ADMIN)).contains(a.getAuthority())));
    }

    @GetMapping("/decisions")
    String list(Model model, Authentication user) {
        common(model, user);
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableSummary table : decisions.tables()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table);
            row.put("lastWeek", log.countSince(table.name(), weekAgo));
            row.put("drafts", drafts.list(table.name()).size());
            tables.add(row);
        }
        model.addAttribute("tables", tables);
        return "decisions/list";
    }

    @GetMapping("/decisions/{table}")
    String table(@PathVariable String table, Model model, Authentication user) {
        common(model, user);
        TableVersionRef inForce = decisions.activeVersion(decisions.definition(table).name());
        model.addAttribute("table", decisions.definition(table));
        model.addAttribute("version", decisions.version(table, inForce.version()));
        model.addAttribute("view", TableRows.read(decisions.file(table, inForce.version()).content()));
        model.addAttribute("drafts", drafts.list(table));
        model.addAttribute("versions", decisions.versions(table));
        model.addAttribute("schedules", scheduled.schedules(table).stream().filter(x -> x.status().equals("PENDING")).toList());
        return "decisions/table";
    }

    @GetMapping("/decisions/{table}/compare")
    String compare(@PathVariable String table, @RequestParam int from, @RequestParam int to, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("table", decisions.definition(table));
        model.addAttribute("diff", drafts.diff(table, from, to));
        return "decisions/compare";
    }

    @PostMapping("/decisions/{table}/versions/{version}/rollback")
    String rollback(@PathVariable String table, @PathVariable int version, @RequestParam(required = false) String comment,
                    Principal user, RedirectAttributes redirect) {
        try {
            TableVersion restored = drafts.rollback(table, version, comment, user.getName());
            redirect.addFlashAttribute("message", "Version " + restored.version() + " (the rows of v" + version + ") is in force.");
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage() + details(refused));
        }
        return "redirect:/decisions/" + table;
    }

    @PostMapping("/decisions/{table}/schedules/{id}/cancel")
    String cancelSchedule(@PathVariable String table, @PathVariable long id, Principal user, RedirectAttributes redirect) {
        try {
            scheduled.cancelSchedule(table, id, user.getName());
            redirect.addFlashAttribute("message", "The scheduled activation is cancelled.");
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/decisions/" + table;
    }

    /** The replay's changed decisions as CSV (first 100): when, logged version, input, logged and draft outputs. */
    @GetMapping("/decisions/{table}/drafts/{id}/replay.csv")
    ResponseEntity<String> replayCsv(@PathVariable String table, @PathVariable long id, Principal user) {
        DraftReport report = drafts.check(table, id, user.getName());
        StringBuilder csv = new StringBuilder("decidedAt,loggedVersion,input,logged,draft\n");
        if (report.replay() != null) {
            for (DraftReport.Change change : report.replay().changedCases()) {
                csv.append(Csv.cell(change.decidedAt())).append(',').append(change.loggedVersion()).append(',')
                        .append(Csv.cell(change.input().toString())).append(',').append(Csv.cell(change.logged().toString()))
                        .append(',').append(Csv.cell(change.draft().toString())).append('\n');
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table + "-draft-" + id + "-replay.csv").build().toString())
                .body(csv.toString());
    }


    @GetMapping("/decisions/{table}/versions/{version}/file")
    ResponseEntity<byte[]> download(@PathVariable String table, @PathVariable int version) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table + "-v" + version + ".xlsx").build().toString())
                .body(decisions.file(table, version).content());
    }

    /** Starts editing in the browser: a draft with the rows in force. */
    @PostMapping("/decisions/{table}/drafts")
    String newDraft(@PathVariable String table, Principal user, RedirectAttributes redirect) {
        TableVersionRef inForce = decisions.activeVersion(decisions.definition(table).name());
        TableDraft draft = drafts.fromRows(table, TableRows.read(decisions.file(table, inForce.version()).content()).rows(),
                null, "edited in the browser", user.getName());
        return "redirect:/decisions/" + table + "/drafts/" + draft.id();
    }

    @PostMapping("/decisions/{table}/drafts/upload")
    String upload(@PathVariable String table, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String comment, Principal user, RedirectAttributes redirect) throws IOException {
        try {
            TableDraft draft = drafts.upload(table, file.getOriginalFilename(), file.getBytes(), null, comment, user.getName());
            return "redirect:/decisions/" + table + "/drafts/" + draft.id();
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage() + details(refused));
            return "redirect:/decisions/" + table;
        }
    }

    @GetMapping("/decisions/{table}/drafts/{id}")
    String draft(@PathVariable String table, @PathVariable long id, Model model, Authentication user) {
        common(model, user);
        model.addAttribute("table", decisions.definition(table));
        model.addAttribute("draft", drafts.get(table, id));
        model.addAttribute("view", drafts.rows(table, id));
        ScenarioSheet sheet = ScenarioSheet.read(drafts.file(table, id).scenarios());
        model.addAttribute("sheet", sheet);
        model.addAttribute("outputs", java.util.Arrays.stream(decisions.definition(table).outputType().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList());
        return "decisions/draft";
    }

    /** Saves the grid (and an added or deleted row), the scenarios, then shows the draft again. */
    @PostMapping("/decisions/{table}/drafts/{id}")
    String save(@PathVariable String table, @PathVariable long id, @RequestParam Map<String, String> form,
                Principal user, RedirectAttributes redirect) {
        if (!form.containsKey("formEnd")) {
            // the container stops reading a form after server.tomcat.max-parameter-count fields: never save half a grid
            redirect.addFlashAttribute("refusal", "The form arrived incomplete (too many cells?); nothing was saved.");
            return "redirect:/decisions/" + table + "/drafts/" + id;
        }
        TableRows.View view = drafts.rows(table, id);
        Map<Integer, List<TableRows.RuleRow>> rows = new LinkedHashMap<>();
        for (int t = 0; t < view.tables().size(); t++) {
            TableRows.Table ruleTable = view.tables().get(t);
            List<TableRows.RuleRow> tableRows = new ArrayList<>();
            int count = Integer.parseInt(form.getOrDefault("rowCount-" + t, String.valueOf(ruleTable.rows().size())));
            for (int r = 0; r < count; r++) {
                if (("delete-" + t + "-" + r).equals(form.get("action"))) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (TableRows.Column column : ruleTable.columns()) {
                    String value = form.get("cell-" + t + "-" + r + "-" + column.letter());
                    if (value != null && !value.isBlank()) {
                        cells.put(column.letter(), value.strip());
                    }
                }
                tableRows.add(new TableRows.RuleRow(cells));
                if (("insert-" + t + "-" + r).equals(form.get("action"))) {
                    tableRows.add(new TableRows.RuleRow(new LinkedHashMap<>(cells)));
                }
            }
            rows.put(t, tableRows);
        }
        try {
            drafts.update(table, id, rows, scenarios(table, id, form), user.getName());
            redirect.addFlashAttribute("message", "Saved.");
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage() + details(refused));
        }
        return "redirect:/decisions/" + table + "/drafts/" + id;
    }

    /** The scenario grid of the form as CSV (a row added below or deleted as the action says); null: unchanged. */
    private String scenarios(String table, long id, Map<String, String> form) {
        if (!form.containsKey("scenarioCount")) {
            return form.get("scenarios");
        }
        ScenarioSheet stored = ScenarioSheet.read(drafts.file(table, id).scenarios());
        List<List<String>> rows = new ArrayList<>();
        int count = Integer.parseInt(form.get("scenarioCount"));
        for (int r = 0; r < count; r++) {
            if (("scen-delete-" + r).equals(form.get("action"))) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < stored.columns().size(); c++) {
                cells.add(form.getOrDefault("scen-" + r + "-" + c, ""));
            }
            rows.add(cells);
            if (("scen-insert-" + r).equals(form.get("action"))) {
                rows.add(new ArrayList<>(cells));
            }
        }
        // scenarios kept from replayed decisions since the page was drawn are not in the form: keep them too
        rows.addAll(stored.rows().subList(Math.min(count, stored.rows().size()), stored.rows().size()));
        return new ScenarioSheet(stored.comments(), stored.columns(), rows).write();
    }

    @PostMapping("/decisions/{table}/drafts/{id}/check")
    String check(@PathVariable String table, @PathVariable long id, Model model, Authentication user) {
        model.addAttribute("report", drafts.check(table, id, user.getName()));
        common(model, user);
        model.addAttribute("table", decisions.definition(table));
        model.addAttribute("draft", drafts.get(table, id));
        return "decisions/draft :: report";
    }

    @PostMapping("/decisions/{table}/drafts/{id}/activate")
    String activate(@PathVariable String table, @PathVariable long id, @RequestParam(required = false) String comment,
                    @RequestParam(required = false) String at, Principal user, RedirectAttributes redirect) {
        try {
            if (at != null && !at.isBlank()) {
                Instant when = java.time.LocalDateTime.parse(at).atZone(zone).toInstant();
                ScheduledActivation pending = scheduled.schedule(table, id, when, comment, user.getName());
                redirect.addFlashAttribute("message", "Version " + pending.version() + " goes into force at "
                        + new Format().time(pending.activateAt()) + ".");
                return "redirect:/decisions/" + table;
            }
            TableVersion version = drafts.activate(table, id, comment, user.getName());
            redirect.addFlashAttribute("message", "Version " + version.version() + " is in force.");
            return "redirect:/decisions/" + table;
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage() + details(refused));
            return "redirect:/decisions/" + table + "/drafts/" + id;
        }
    }

    /** "Keep this as a scenario": a replayed decision's input, with the draft's result as expected. */
    @PostMapping("/decisions/{table}/drafts/{id}/keep")
    @org.springframework.web.bind.annotation.ResponseBody
    String keep(@PathVariable String table, @PathVariable long id, @RequestParam String input,
                @RequestParam(required = false) String name, Principal user) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.readValue(input, Map.class);
        try {
            drafts.keepAsScenario(table, id, name, values, user.getName());
            int number = ScenarioSheet.read(drafts.file(table, id).scenarios()).rows().size();
            return "<span class=\"kept\">Kept as scenario " + number + "</span>";
        } catch (ProblemException refused) {
            return "<span class=\"refusal\">" + org.springframework.web.util.HtmlUtils.htmlEscape(refused.getMessage()) + "</span>";
        }
    }

    @PostMapping("/decisions/{table}/drafts/{id}/delete")
    String delete(@PathVariable String table, @PathVariable long id, Principal user, RedirectAttributes redirect) {
        drafts.delete(table, id, user.getName());
        redirect.addFlashAttribute("message", "Draft deleted.");
        return "redirect:/decisions/" + table;
    }

    private static String details(ProblemException refused) {
        Object problems = refused.properties().get("problems");
        return problems instanceof List<?> list && !list.isEmpty() ? " " + String.join(" ", list.stream().map(String::valueOf).toList()) : "";
    }
}
