package org.ticketops.decision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;
import org.ticketops.web.ProblemException;

/**
 * Drafts of decision tables: a manager uploads an edited spreadsheet or edits the rows in the browser, checks the
 * draft (compile, scenarios, a replay of real past decisions through it) and activates it, which makes it a new
 * version in force. A draft is never in force; one made from a version that is no longer in force is stale (409).
 * Every step is in the audit trail with user, time and comment.
 */
@Service
public class DecisionDrafts {

    static final int REPLAY_DAYS = 30;
    static final int REPLAY_LIMIT = 100_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final DecisionService decisions;
    private final DraftMapper drafts;
    private final DecisionTableCompiler compiler;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    DecisionDrafts(DecisionService decisions, DraftMapper drafts, DecisionTableCompiler compiler,
                   AuditTrail audit, ObjectMapper json, Clock clock) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.compiler = compiler;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A draft from an edited spreadsheet; the guard refuses a changed template or an invalid cell (422) at once. */
    @Transactional
    public TableDraft upload(String table, String fileName, byte[] content, String scenarios, String comment, String user) {
        if (content == null || content.length == 0) {
            throw new InvalidField("file", "is empty");
        }
        TableVersionRef base = decisions.activeVersion(decisions.definition(table).name());
        compiler.guard().check(table, content);
        return insert(table, base.version(), fileName == null ? table + ".xlsx" : fileName, content,
                scenarios != null ? scenarios : decisions.file(table, base.version()).scenarios(), comment, user,
                "DECISION_DRAFT_UPLOADED");
    }

    /** A draft from rows edited in the browser, written into the template of the version in force. */
    @Transactional
    public TableDraft fromRows(String table, List<TableRows.RuleRow> rows, String scenarios, String comment, String user) {
        return fromTables(table, Map.of(0, rows), scenarios, comment, user);
    }

    /** A draft from the rows of several rule tables (by their place in the sheet; tables left out keep their rows). */
    @Transactional
    public TableDraft fromTables(String table, Map<Integer, List<TableRows.RuleRow>> rows, String scenarios, String comment,
                                 String user) {
        TableVersionRef base = decisions.activeVersion(decisions.definition(table).name());
        byte[] content = TableRows.apply(decisions.file(table, base.version()).content(), rows);
        compiler.guard().check(table, content);
        return insert(table, base.version(), table + ".xlsx", content,
                scenarios != null ? scenarios : decisions.file(table, base.version()).scenarios(), comment, user,
                "DECISION_DRAFT_EDITED");
    }

    /** Changes a draft's rows and/or scenarios. */
    @Transactional
    public TableDraft update(String table, long id, List<TableRows.RuleRow> rows, String scenarios, String user) {
        return update(table, id, rows == null ? null : Map.of(0, rows), scenarios, user);
    }

    @Transactional
    public TableDraft update(String table, long id, Map<Integer, List<TableRows.RuleRow>> rows, String scenarios, String user) {
        TableDraft draft = get(table, id);
        byte[] content = rows == null ? drafts.content(id).content() : TableRows.apply(drafts.content(id).content(), rows);
        if (rows != null) {
            compiler.guard().check(table, content);
        }
        drafts.update(id, content, scenarios != null ? scenarios : drafts.content(id).scenarios(), clock.instant());
        audit.record(user, "DECISION_DRAFT_CHANGED", DecisionService.AUDIT_SUBJECT, table, "draft " + id
                + (rows != null ? ": rows" : "") + (scenarios != null ? ": scenarios" : ""));
        return get(table, draft.id());
    }

    public List<TableDraft> list(String table) {
        return drafts.findOfTable(decisions.definition(table).name());
    }

    public TableDraft get(String table, long id) {
        return drafts.find(decisions.definition(table).name(), id).orElseThrow(() -> new NotFound("draft of " + table, id));
    }

    public TableRows.View rows(String table, long id) {
        get(table, id);
        return TableRows.read(drafts.content(id).content());
    }

    public StoredTableFile file(String table, long id) {
        TableDraft draft = get(table, id);
        return new StoredTableFile(draft.fileName(), drafts.content(id).content(), drafts.content(id).scenarios());
    }

    @Transactional
    public void delete(String table, long id, String user) {
        get(table, id);
        drafts.delete(id);
        audit.record(user, "DECISION_DRAFT_DELETED", DecisionService.AUDIT_SUBJECT, table, "draft " + id);
    }

    /** Compile, scenarios and replay, as one report; changes nothing but the audit trail. */
    @Transactional
    public DraftReport check(String table, long id, String user) {
        TableDraft draft = get(table, id);
        DecisionTable<?, ?> definition = decisions.definition(table);
        byte[] content = drafts.content(id).content();
        String scenarios = drafts.content(id).scenarios();
        CompiledTable rules;
        try {
            rules = compiler.compile(new TableVersionRef(table, 0, DecisionService.sha256(content)), content);
        } catch (ProblemException broken) {
            List<String> problems = broken instanceof InvalidDecisionTable invalid ? invalid.messages()
                    : List.of(broken.getMessage());
            audit.record(user, "DECISION_DRAFT_CHECKED", DecisionService.AUDIT_SUBJECT, table, "draft " + id + ": does not compile");
            return new DraftReport(id, table, draft.basedOn(), false, problems, List.of(), 0, null, null, false);
        }
        List<ScenarioResult> results;
        try {
            results = runAll(definition, rules, scenarios);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("scenarios", e.getMessage());
        }
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        DraftReport.Replay replay = replay(definition, rules);
        Completeness.Report completeness = Completeness.check(definition, rules, content,
                bytes -> compiler.compile(new TableVersionRef(table, 0, DecisionService.sha256(bytes)), bytes), json);
        audit.record(user, "DECISION_DRAFT_CHECKED", DecisionService.AUDIT_SUBJECT, table, "draft " + id + ": "
                + (results.size() - failed) + "/" + results.size() + " scenarios pass, " + replay.changed() + " of "
                + replay.decisions() + " replayed decisions change, " + completeness.gaps() + " gap(s) in "
                + completeness.inputs() + " inputs, " + completeness.rows().size() + " row(s) never fire");
        return new DraftReport(id, table, draft.basedOn(), true, List.of(), results, failed, replay, completeness, failed == 0);
    }

    /**
     * Puts a draft in force as the next version (comment required). Refused when another version was activated
     * since the draft was made (409 DRAFT_STALE), or when it does not compile or a scenario fails (422).
     */
    @Transactional
    public TableVersion activate(String table, long id, String comment, String user) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("comment", "is required: say why the table changes");
        }
        TableDraft draft = get(table, id);
        TableVersionRef inForce = decisions.activeVersion(table);
        if (inForce.version() != draft.basedOn()) {
            throw new DraftStale(table, id, draft.basedOn(), inForce.version());
        }
        TableVersion version = decisions.upload(table, draft.fileName(), drafts.content(id).content(), drafts.content(id).scenarios(), comment, user);
        drafts.delete(id);
        return version;
    }

    /**
     * Adds a scenario to a draft from a decision (a replayed or logged one): its input, and as expected results what
     * the draft decides for it, written the way the scenarios file writes them. Answers the new scenario's line.
     */
    @Transactional
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int keepAsScenario(String table, long id, String name, Map<String, Object> input, String user) {
        get(table, id);
        DecisionTable definition = decisions.definition(table);
        byte[] content = drafts.content(id).content();
        String scenarios = drafts.content(id).scenarios();
        Object in;
        try {
            in = json.convertValue(input, definition.inputType());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("input", "is not an input of " + table + ": " + e.getMessage());
        }
        Object out;
        try {
            out = definition.decide(in, compiler.compile(new TableVersionRef(table, 0, DecisionService.sha256(content)), content));
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException e) {
            throw new InvalidField("input", "the draft cannot decide it: " + e.getMessage());
        }
        List<String> lines = scenarios.lines().toList();
        String header = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                .orElseThrow(() -> new InvalidField("scenarios", "have no header row"));
        List<String> columns = List.of(header.split(","));
        Map<String, String> outputs = Scenarios.view(out, columns);
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            String value;
            if (column.equals("scenario")) {
                value = name == null || name.isBlank() ? "kept from a decision" : name.strip();
            } else if (outputs.containsKey(column)) {
                value = outputs.get(column);
            } else {
                value = Scenarios.render(component(in, column));
            }
            cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        String updated = scenarios.stripTrailing() + "\n" + String.join(",", cells) + "\n";
        try {
            Scenarios.parse(definition, updated);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("scenarios", e.getMessage());
        }
        drafts.update(id, content, updated, clock.instant());
        audit.record(user, "DECISION_DRAFT_SCENARIO_KEPT", DecisionService.AUDIT_SUBJECT, table, "draft " + id + ": " + cells);
        return (int) updated.lines().count();
    }

    private static Object component(Object record, String name) {
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** Puts an earlier version's rows back in force as a new version (comment required; it passes the checks again). */
    @Transactional
    public TableVersion rollback(String table, int version, String comment, String user) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("comment", "is required: say why the table goes back");
        }
        StoredTableFile old = decisions.file(table, version);
        TableVersion restored = decisions.upload(table, old.fileName(), old.content(), old.scenarios(),
                "back to v" + version + ": " + comment, user);
        audit.record(user, "DECISION_TABLE_ROLLED_BACK", DecisionService.AUDIT_SUBJECT, table,
                "v" + restored.version() + " = rows of v" + version + ": " + comment);
        return restored;
    }

    /** Two versions compared row by row (see {@link TableDiff}). */
    public TableDiff.Result diff(String table, int from, int to) {
        return TableDiff.compare(from, TableRows.read(decisions.file(table, from).content()), to,
                TableRows.read(decisions.file(table, to).content()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ScenarioResult> runAll(DecisionTable table, Rules rules, String csv) {
        return Scenarios.runAll(table, rules, csv);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DraftReport.Replay replay(DecisionTable definition, Rules rules) {
        List<LoggedDecision> logged = drafts.findLogged(definition.name(), clock.instant().minus(Duration.ofDays(REPLAY_DAYS)),
                REPLAY_LIMIT);
        int changed = 0;
        Map<String, BigDecimal> money = new TreeMap<>();
        List<DraftReport.Change> cases = new ArrayList<>();
        for (LoggedDecision decision : logged) {
            try {
                Object input = json.readValue(decision.input(), definition.inputType());
                JsonNode now = json.valueToTree(definition.decide(input, rules));
                JsonNode before = json.readTree(decision.output());
                if (!now.equals(before)) {
                    changed++;
                    addMoney(money, before, now);
                    if (cases.size() < 100) {
                        cases.add(new DraftReport.Change(decision.decidedAt().toString(), decision.tableVersion(),
                                json.readValue(decision.input(), MAP), json.convertValue(before, MAP), json.convertValue(now, MAP)));
                    }
                }
            } catch (Exception e) {
                changed++; // an input the draft can't decide any more is a change too
            }
        }
        return new DraftReport.Replay(REPLAY_DAYS, logged.size(), changed, money, cases);
    }

    /** Sums draft − logged for every money field (a number with a decimal point, or a string like "120.00"). */
    private static void addMoney(Map<String, BigDecimal> money, JsonNode before, JsonNode now) {
        now.fieldNames().forEachRemaining(field -> {
            BigDecimal a = amount(before.get(field));
            BigDecimal b = amount(now.get(field));
            if (a != null && b != null && (a.scale() > 0 || b.scale() > 0)) {
                money.merge(field, b.subtract(a), BigDecimal::add);
            }
        });
    }

    private static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() && !node.isIntegralNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && node.asText().matches("-?\\d+\\.\\d{2}")) {
            return new BigDecimal(node.asText());
        }
        return null;
    }

    private TableDraft insert(String table, int basedOn, String fileName, byte[] content, String scenarios, String comment,
                              String user, String action) {
        var row = new DraftMapper.Row();
        row.tableName = table;
        row.basedOn = basedOn;
        row.fileName = fileName;
        row.content = content;
        row.scenarios = scenarios;
        row.comment = comment;
        row.createdBy = user;
        row.createdAt = clock.instant();
        drafts.insert(row);
        audit.record(user, action, DecisionService.AUDIT_SUBJECT, table, "draft " + row.id + " from v" + basedOn
                + (comment == null || comment.isBlank() ? "" : ": " + comment));
        return get(table, row.id);
    }

    /** Another version was activated since the draft was made: 409. */
    static final class DraftStale extends ProblemException {
        DraftStale(String table, long id, int basedOn, int inForce) {
            super(Kind.CONFLICT, "DRAFT_STALE", "Draft is stale",
                    "Draft " + id + " of " + table + " was made from v" + basedOn + ", but v" + inForce
                            + " is in force now; make the draft again from it.",
                    Map.of("basedOn", basedOn, "inForce", inForce));
        }
    }
}
