package org.ticketops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ticketops.decision.DecisionTable;
import org.ticketops.decision.DecisionTableCompiler;
import org.ticketops.decision.Rules;
import org.ticketops.decision.ScenarioResult;
import org.ticketops.decision.Scenarios;

/** A decision table as shipped in rules/: the real spreadsheet, compiled once, and its scenarios. */
public final class ShippedTable {

    private static final Map<String, Rules> COMPILED = new ConcurrentHashMap<>();

    private ShippedTable() {
    }

    public static Rules rules(DecisionTable<?, ?> table) {
        return COMPILED.computeIfAbsent(table.name(), name -> {
            try {
                return DecisionTableCompiler.forRelease(Path.of("rules")).compile(name, Files.readAllBytes(Path.of("rules", table.fileName())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static List<Scenarios.Scenario> scenarios(DecisionTable<?, ?> table) {
        try {
            return Scenarios.parse(table, Files.readString(Path.of("rules", table.scenariosFileName()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ScenarioResult run(DecisionTable table, Scenarios.Scenario scenario) {
        return Scenarios.run(table, rules(table), scenario);
    }
}
