package org.ticketops.decision;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.ticketops.audit.AuditTrail;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Decides with the Drools decision tables. Every version of every table lives in the database; each
 * version is compiled once (on first use) and kept, so several versions can decide side by side
 * (an order's refund terms are those in force when it was bought). A new version is stored only
 * when it compiles and passes its scenarios; otherwise it is refused and the active one stays.
 */
@Service("ruleDecisionService") // Camunda already has a bean named decisionService (DMN)
public class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
    static final String AUDIT_SUBJECT = "DECISION_TABLE";

    private final Map<String, DecisionTable<?, ?>> tables;
    private final DecisionTableMapper store;
    private final DecisionTableCompiler compiler;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final CompiledVersions compiled;
    private final Map<String, TableVersionRef> active = new ConcurrentHashMap<>();
    private final DecisionEvaluator evaluator = new DecisionEvaluator(this);

    DecisionService(List<DecisionTable<?, ?>> tables, DecisionTableMapper store, DecisionTableCompiler compiler,
                    AuditTrail audit, ObjectMapper json, Clock clock) {
        this.tables = tables.stream().collect(Collectors.toMap(DecisionTable::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two decision tables named " + a.name());
                }, LinkedHashMap::new));
        this.store = store;
        this.compiler = compiler;
        this.compiled = new CompiledVersions(store, compiler);
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ---- deciding ---------------------------------------------------------------------------

    /** Decides with the version in force. */
    public <I, O> Decision<O> evaluate(DecisionTable<I, O> table, I input) {
        return evaluator.evaluate(table, input);
    }

    /** Decides with a given version (compiled on first use, then cached). */
    public <I, O> Decision<O> evaluate(DecisionTable<I, O> table, int version, I input) {
        return evaluator.evaluate(table, version, input);
    }

    /**
     * The same evaluations without this service's proxy (it is transactional and scheduled, so every call to it
     * passes the interceptor chain): for the hot path of callers that only decide, never store.
     */
    public DecisionEvaluator evaluator() {
        return evaluator;
    }

    /** The compiled version, from the last-used slot of its table when that is the one. */
    CompiledTable compiledFast(String table, int version) {
        return compiled.fast(table, version);
    }

    /** Decides and logs the decision with its inputs and the table version, for the decision trail and replays. */
    @Transactional
    public <I, O> Decision<O> decide(DecisionTable<I, O> table, Integer version, I input, DecisionSubject subject) {
        Decision<O> decision = version == null ? evaluate(table, input) : evaluate(table, version, input);
        var row = new DecisionTableMapper.DecisionRow();
        row.table = table.name();
        row.version = decision.tableVersion().version();
        row.contentHash = decision.tableVersion().contentHash();
        row.subjectType = subject == null ? null : subject.type();
        row.subjectId = subject == null ? null : subject.id();
        row.processInstanceId = subject == null ? null : subject.processInstanceId();
        row.input = toJson(input);
        row.output = toJson(decision.output());
        row.decidedAt = clock.instant();
        store.insertDecision(row);
        return decision;
    }

    /** The newest decisions a table took about a subject (a customer's quotes), at most {@code limit}. */
    public List<LoggedDecision> logged(String subjectType, String subjectId, String table, int limit) {
        return store.findForSubject(subjectType, subjectId, table, limit);
    }

    /** The decisions logged for a process instance (a refund request's fee, review and credit decisions), newest first. */
    public List<LoggedDecision> loggedFor(String processInstanceId) {
        return store.findForProcessInstance(processInstanceId);
    }

    public TableVersionRef activeVersion(String table) {
        TableVersionRef ref = active.get(requireTable(table).name());
        if (ref == null) {
            refreshActive();
            ref = active.get(table);
            if (ref == null) {
                throw new IllegalStateException("Decision table " + table + " has no active version");
            }
        }
        return ref;
    }

    // ---- the table store --------------------------------------------------------------------

    public List<TableSummary> tables() {
        Map<String, DecisionTableMapper.ActiveRow> rows = store.findActive().stream()
                .collect(Collectors.toMap(DecisionTableMapper.ActiveRow::tableName, Function.identity()));
        return tables.values().stream().filter(t -> rows.containsKey(t.name())).map(t -> {
            var row = rows.get(t.name());
            return new TableSummary(t.name(), t.title(), row.activeVersion(), row.contentHash(), row.activatedBy(),
                    row.activatedAt(), row.versions());
        }).toList();
    }

    public List<TableVersion> versions(String table) {
        return store.findVersions(requireTable(table).name());
    }

    public TableVersion version(String table, int version) {
        return store.findVersion(requireTable(table).name(), version)
                .orElseThrow(() -> new NotFound("version of decision table " + table, version));
    }

    public StoredTableFile file(String table, int version) {
        var content = store.findContent(requireTable(table).name(), version)
                .orElseThrow(() -> new NotFound("version of decision table " + table, version));
        return new StoredTableFile(content.fileName(), content.content(), content.scenarios());
    }

    /**
     * Stores a new version of a table and makes it the one in force, after it compiled and passed its
     * scenarios ({@code scenarios} null: those of the version in force). Refused otherwise, with nothing
     * stored. Uploading the file of the version in force again changes nothing.
     */
    @Transactional
    public TableVersion upload(String tableName, String fileName, byte[] content, String scenarios, String comment,
                               String user) {
        DecisionTable<?, ?> table = requireTable(tableName);
        if (content == null || content.length == 0) {
            throw new InvalidField("file", "is empty");
        }
        TableVersionRef current = activeVersion(tableName);
        String csv = scenarios != null ? scenarios : file(tableName, current.version()).scenarios();
        String hash = sha256(content);
        if (hash.equals(current.contentHash()) && scenarios == null) {
            return version(tableName, current.version());
        }
        store.lockActive(tableName);
        int next = store.maxVersion(tableName) + 1;
        TableVersionRef ref = new TableVersionRef(tableName, next, hash);
        CompiledTable rules = check(table, ref, content, csv);
        insertVersion(ref, fileName, content, csv, rules.ruleCount(), user, comment);
        store.updateActive(tableName, next, user, clock.instant());
        audit.record(user, "DECISION_TABLE_UPLOADED", AUDIT_SUBJECT, tableName,
                "v" + next + " (" + fileName + ", " + rules.ruleCount() + " rules) activated" + note(comment));
        compiled.put(rules);
        afterCommit(tableName, ref);
        return version(tableName, next);
    }

    /**
     * Stores a new version that is not in force (an activation scheduled for later), after it compiled and passed its
     * scenarios. {@link #activate} puts it in force when its time comes.
     */
    @Transactional
    TableVersion storeInactive(String tableName, String fileName, byte[] content, String scenarios, String comment,
                               String user) {
        DecisionTable<?, ?> table = requireTable(tableName);
        store.lockActive(tableName);
        int next = store.maxVersion(tableName) + 1;
        TableVersionRef ref = new TableVersionRef(tableName, next, sha256(content));
        CompiledTable rules = check(table, ref, content, scenarios);
        insertVersion(ref, fileName, content, scenarios, rules.ruleCount(), user, comment);
        compiled.put(rules);
        return version(tableName, next);
    }

    /** Puts an earlier (or later) stored version back in force, after compiling it and running its scenarios again. */
    @Transactional
    public TableVersion activate(String tableName, int version, String comment, String user) {
        DecisionTable<?, ?> table = requireTable(tableName);
        var content = store.findContent(tableName, version)
                .orElseThrow(() -> new NotFound("version of decision table " + tableName, version));
        TableVersion stored = version(tableName, version);
        check(table, compiler.compileStored(stored.ref(), content.content()), content.scenarios());
        store.lockActive(tableName);
        store.updateActive(tableName, version, user, clock.instant());
        audit.record(user, "DECISION_TABLE_ACTIVATED", AUDIT_SUBJECT, tableName, "v" + version + note(comment));
        afterCommit(tableName, stored.ref());
        return version(tableName, version);
    }

    /** Runs a stored version against its own scenarios (or other ones) without changing anything. */
    public List<ScenarioResult> runScenarios(String tableName, int version, String scenarios) {
        DecisionTable<?, ?> table = requireTable(tableName);
        String csv = scenarios != null ? scenarios : file(tableName, version).scenarios();
        try {
            return runAll(table, compiled.get(tableName, version), csv);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("scenarios", e.getMessage());
        }
    }

    /**
     * Seeds a table from its shipped file when the database has no version of it yet. Returns true when
     * this call stored it. The shipped file must compile and pass its scenarios.
     */
    @Transactional
    public boolean seed(String tableName, String fileName, byte[] content, String scenarios) {
        DecisionTable<?, ?> table = requireTable(tableName);
        if (store.maxVersion(tableName) > 0) {
            return false;
        }
        TableVersionRef ref = new TableVersionRef(tableName, 1, sha256(content));
        CompiledTable rules = check(table, compiler.compileStored(ref, content), scenarios);
        insertVersion(ref, fileName, content, scenarios, rules.ruleCount(), "system", "Shipped with TicketOps");
        store.insertActive(tableName, 1, "system", clock.instant());
        audit.record("system", "DECISION_TABLE_SEEDED", AUDIT_SUBJECT, tableName, "v1 from " + fileName);
        compiled.put(rules);
        return true;
    }

    /** The hash of the active version, to compare a shipped file with. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Re-reads which versions are active; an activation on another node is in force here after this. A version that
     * came into force on another node is compiled here now, by this scheduled run, not by the first call to decide.
     */
    @Scheduled(fixedDelayString = "${ticketops.decisions.refresh-interval:PT4S}",
            initialDelayString = "${ticketops.decisions.refresh-interval:PT4S}")
    public void refreshActive() {
        for (var row : store.findActive()) {
            TableVersionRef ref = new TableVersionRef(row.tableName(), row.activeVersion(), row.contentHash());
            TableVersionRef before = active.put(row.tableName(), ref);
            if (before != null && !before.equals(ref)) {
                log.info("Decision table {} is now v{} (was v{})", ref.table(), ref.version(), before.version());
                warmKnown(ref);
            }
        }
    }

    /**
     * Compiles the versions in force that this node has not compiled yet: a node that starts on a database that
     * already holds the tables (a restart, a second node) compiles them as it starts (in the background), not one in
     * each of the first desk calls. One that fails here compiles on first use.
     */
    public void warmUp() {
        if (active.isEmpty()) {
            refreshActive();
        }
        active.values().forEach(this::warmKnown);
    }

    /** Compiles a version in force ahead of use, when it is of a table this release knows. */
    private void warmKnown(TableVersionRef ref) {
        if (tables.containsKey(ref.table())) {
            compiled.warm(ref);
        }
    }

    /** Whether this node holds the compiled version (tests). */
    boolean isCompiled(String table, int version) {
        return compiled.has(table, version);
    }

    public List<DecisionTable<?, ?>> definitions() {
        return List.copyOf(tables.values());
    }

    public DecisionTable<?, ?> definition(String table) {
        return requireTable(table);
    }

    // ---- internals --------------------------------------------------------------------------

    private CompiledTable check(DecisionTable<?, ?> table, TableVersionRef ref, byte[] content, String scenarios) {
        return check(table, compiler.compile(ref, content), scenarios);
    }

    /** A compiled version passes when its scenarios, which it must have, all pass. */
    private CompiledTable check(DecisionTable<?, ?> table, CompiledTable rules, String scenarios) {
        if (scenarios == null || scenarios.isBlank()) {
            throw new InvalidField("scenarios", "are required: a table is activated only when its scenarios pass");
        }
        List<ScenarioResult> results;
        try {
            results = runAll(table, rules, scenarios);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("scenarios", e.getMessage());
        }
        List<ScenarioResult> failures = results.stream().filter(r -> !r.passed()).toList();
        if (!failures.isEmpty()) {
            throw new ScenariosFailed(table.name(), results.size(), failures);
        }
        return rules;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ScenarioResult> runAll(DecisionTable table, Rules rules, String csv) {
        return Scenarios.runAll(table, rules, csv);
    }

    private void insertVersion(TableVersionRef ref, String fileName, byte[] content, String scenarios, int ruleCount,
                               String user, String comment) {
        var row = new DecisionTableMapper.VersionRow();
        row.table = ref.table();
        row.version = ref.version();
        row.contentHash = ref.contentHash();
        row.fileName = fileName == null ? ref.table() + ".xlsx" : fileName;
        row.content = content;
        row.scenarios = scenarios;
        row.ruleCount = ruleCount;
        row.uploadedBy = user;
        row.uploadedAt = clock.instant();
        row.comment = comment;
        store.insertVersion(row);
    }

    private void afterCommit(String table, TableVersionRef ref) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            active.put(table, ref);
                        }
                    });
        } else {
            active.put(table, ref);
        }
    }

    private DecisionTable<?, ?> requireTable(String name) {
        DecisionTable<?, ?> table = tables.get(name);
        if (table == null) {
            throw new NotFound("decision table", name);
        }
        return table;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String note(String comment) {
        return comment == null || comment.isBlank() ? "" : ": " + comment;
    }
}
