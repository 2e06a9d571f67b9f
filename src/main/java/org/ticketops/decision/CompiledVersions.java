package org.ticketops.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ticketops.web.NotFound;

/**
 * The versions this node has compiled: each compiled once (on first use, ahead of use by {@link #warm}, or when it
 * came in) and kept, so several versions can decide side by side. A version read from the store passed when it came
 * in, so it compiles within the stored-version limit.
 */
final class CompiledVersions {

    private static final Logger log = LoggerFactory.getLogger(CompiledVersions.class);

    private final DecisionTableMapper store;
    private final DecisionTableCompiler compiler;
    private final Map<String, CompiledTable> compiled = new ConcurrentHashMap<>();
    /** The version each table last decided with: the hot path finds it without building a cache key. */
    private final Map<String, CompiledTable> lastUsed = new ConcurrentHashMap<>();

    CompiledVersions(DecisionTableMapper store, DecisionTableCompiler compiler) {
        this.store = store;
        this.compiler = compiler;
    }

    /** The compiled version, compiled from the store on first use. */
    CompiledTable get(String table, int version) {
        return compiled.computeIfAbsent(key(table, version), k -> {
            var content = store.findContent(table, version)
                    .orElseThrow(() -> new NotFound("version of decision table " + table, version));
            return compiler.compileStored(new TableVersionRef(table, version, DecisionService.sha256(content.content())),
                    content.content());
        });
    }

    /** The compiled version, from the last-used slot of its table when that is the one. */
    CompiledTable fast(String table, int version) {
        CompiledTable last = lastUsed.get(table);
        if (last != null && last.ref().version() == version) {
            return last;
        }
        CompiledTable rules = get(table, version);
        lastUsed.put(table, rules);
        return rules;
    }

    /** Keeps a version compiled as it came in (an upload, a seed). */
    void put(CompiledTable rules) {
        compiled.put(key(rules.ref().table(), rules.ref().version()), rules);
    }

    boolean has(String table, int version) {
        return compiled.containsKey(key(table, version));
    }

    /** Compiles the version now unless it already is; one that fails here compiles on first use. */
    void warm(TableVersionRef ref) {
        if (has(ref.table(), ref.version())) {
            return;
        }
        try {
            get(ref.table(), ref.version());
        } catch (RuntimeException e) {
            log.warn("Decision table {} v{} did not compile ahead of use ({}); it compiles on first use", ref.table(),
                    ref.version(), e.getMessage());
        }
    }

    private static String key(String table, int version) {
        return table + ":" + version;
    }
}
