package org.ticketops.decision;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a table decides every input of its domain, and whether every row can fire. The domain is every value of
 * every enum input × every boundary of every numeric condition (each number in the table's cells, and one either
 * side) for the input a condition column tests; above {@link #MAX_INPUTS} combinations a fixed random sample of
 * that size. A <b>gap</b> is an input no row matches; a row that never fires is tried alone: if it fires alone on
 * some input, earlier rows take all its inputs (<b>shadowed</b>, with that input and the rows that fired instead);
 * otherwise it matches nothing in the domain (<b>unreachable</b>).
 */
public final class Completeness {

    static final int MAX_INPUTS = 20_000;
    static final int MAX_ROWS_TRIED_ALONE = 10;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ROW = Pattern.compile("(\\d+)");

    /** What the check found. */
    public record Report(int inputs, boolean sampled, int gaps, List<Map<String, Object>> gapExamples, List<RowFinding> rows) {
    }

    /** A row that never fired: SHADOWED (with an input it takes alone and the rows that take it) or UNREACHABLE. */
    public record RowFinding(int row, String finding, Map<String, Object> example, List<Integer> takenBy) {
    }

    private Completeness() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Report check(DecisionTable table, CompiledTable rules, byte[] content, Function<byte[], CompiledTable> compile,
                        ObjectMapper json) {
        TableLayout layout = TableLayout.read(content);
        TableLayout.RuleTable ruleTable = layout.tables().get(0);
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (RecordComponent component : table.inputType().getRecordComponents()) {
            values.put(component.getName(), values(component, ruleTable));
        }
        double size = values.values().stream().mapToDouble(List::size).reduce(1, (a, b) -> a * b);
        boolean sampled = size > MAX_INPUTS;
        List<Map<String, Object>> domain = sampled ? sample(values) : domain(values);
        Map<Integer, Integer> sheetRowToGridRow = new LinkedHashMap<>();
        for (int i = 0; i < ruleTable.rows().size(); i++) {
            sheetRowToGridRow.put(ruleTable.rows().get(i).displayNumber(), i + 1);
        }
        int[] hits = new int[ruleTable.rows().size() + 1];
        int gaps = 0;
        List<Map<String, Object>> gapExamples = new ArrayList<>();
        List<List<Integer>> firedByInput = new ArrayList<>();
        for (Map<String, Object> input : domain) {
            List<Integer> fired = fire(table, rules, json.convertValue(input, table.inputType()), sheetRowToGridRow);
            firedByInput.add(fired);
            fired.forEach(r -> hits[r]++);
            if (fired.isEmpty()) {
                gaps++;
                if (gapExamples.size() < 20) {
                    gapExamples.add(input);
                }
            }
        }
        List<RowFinding> findings = new ArrayList<>();
        int triedAlone = 0;
        for (int row = 1; row < hits.length; row++) {
            if (hits[row] > 0) {
                continue;
            }
            if (triedAlone++ >= MAX_ROWS_TRIED_ALONE) {
                findings.add(new RowFinding(row, "NEVER_FIRES", Map.of(), List.of()));
                continue;
            }
            TableRows.RuleRow only = TableRows.read(content).rows().get(row - 1);
            CompiledTable alone = compile.apply(TableRows.apply(content, List.of(only)));
            Map<Integer, Integer> aloneRows = Map.of(ruleTable.rows().get(0).displayNumber(), row);
            RowFinding finding = new RowFinding(row, "UNREACHABLE", Map.of(), List.of());
            for (int i = 0; i < domain.size(); i++) {
                if (!fire(table, alone, json.convertValue(domain.get(i), table.inputType()), aloneRows).isEmpty()) {
                    finding = new RowFinding(row, "SHADOWED", domain.get(i), firedByInput.get(i));
                    break;
                }
            }
            findings.add(finding);
        }
        return new Report(domain.size(), sampled, gaps, gapExamples, findings);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Integer> fire(DecisionTable table, CompiledTable rules, Object input, Map<Integer, Integer> rows) {
        List<String> names = new ArrayList<>();
        Rules tracing = (globals, facts) -> names.addAll(rules.fireTraced(globals, facts));
        try {
            table.decide(input, tracing);
        } catch (RuntimeException e) {
            // an input no row decides (NoRuleMatched) is what the check looks for
        }
        List<Integer> fired = new ArrayList<>();
        for (String name : names) {
            Matcher m = ROW.matcher(name);
            if (m.find()) {
                Integer row = rows.get(Integer.parseInt(m.group(1)));
                if (row != null && !fired.contains(row)) {
                    fired.add(row);
                }
            }
        }
        return fired;
    }

    /** Every combination of each input's values. */
    private static List<Map<String, Object>> domain(Map<String, List<Object>> values) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> field : values.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : field.getValue()) {
                    Map<String, Object> copy = new LinkedHashMap<>(partial);
                    copy.put(field.getKey(), value);
                    next.add(copy);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** {@link #MAX_INPUTS} combinations drawn with a fixed seed (the same sample every time). */
    private static List<Map<String, Object>> sample(Map<String, List<Object>> values) {
        Random random = new Random(42);
        Set<Map<String, Object>> drawn = new LinkedHashSet<>();
        for (int tries = 0; drawn.size() < MAX_INPUTS && tries < MAX_INPUTS * 3; tries++) {
            Map<String, Object> combination = new LinkedHashMap<>();
            values.forEach((field, options) -> combination.put(field, options.get(random.nextInt(options.size()))));
            drawn.add(combination);
        }
        return new ArrayList<>(drawn);
    }

    private static List<Object> values(RecordComponent component, TableLayout.RuleTable table) {
        Class<?> type = component.getType();
        if (type.isEnum()) {
            return List.of((Object[]) type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return List.of(true, false);
        }
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        if (whole || type == BigDecimal.class) {
            Set<BigDecimal> numbers = new TreeSet<>();
            for (TableLayout.Column column : table.columns()) {
                if (!column.keyword().startsWith("CONDITION") || !column.code().contains(component.getName())) {
                    continue;
                }
                for (TableLayout.RuleRow row : table.rows()) {
                    TableLayout.RawCell cell = row.cells().get(column.index());
                    if (cell == null) {
                        continue;
                    }
                    Matcher m = NUMBER.matcher(cell.text());
                    while (m.find()) {
                        numbers.add(new BigDecimal(m.group()));
                    }
                }
            }
            if (numbers.isEmpty()) {
                numbers.add(whole ? BigDecimal.ONE : new BigDecimal("100.00"));
            }
            BigDecimal step = whole ? BigDecimal.ONE : new BigDecimal("0.01");
            Set<Object> around = new LinkedHashSet<>();
            for (BigDecimal n : numbers) {
                for (BigDecimal v : List.of(n.subtract(step), n, n.add(step))) {
                    around.add(whole ? (Object) v.intValue() : v.setScale(2, java.math.RoundingMode.HALF_UP));
                }
            }
            return new ArrayList<>(around);
        }
        return java.util.Collections.singletonList(null);
    }
}
