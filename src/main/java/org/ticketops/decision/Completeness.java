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
 * side, never below what the input's own constraints allow) for the input a condition column tests; above {@link #MAX_INPUTS} combinations a fixed random sample of
 * that size; the numbers come from every rule table of the sheet. A <b>gap</b> is an input the table does not decide
 * (no row of any rule table matches, or the table says no rule matched). A row that never fires is tried alone in its
 * rule table (the others as they are): if it fires then on some input, earlier rows of its table take all its inputs
 * (<b>shadowed</b>, with that input and the rows that fired instead); otherwise it matches nothing in the domain
 * (<b>unreachable</b>).
 */
public final class Completeness {

    static final int MAX_INPUTS = 20_000;
    static final int MAX_ROWS_TRIED_ALONE = 10;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ROW = Pattern.compile("(\\d+)");

    /** What the check found. */
    public record Report(int inputs, boolean sampled, int gaps, List<Map<String, Object>> gapExamples, List<RowFinding> rows) {
    }

    /**
     * A row that never fired, by its rule table and its 1-based place there: SHADOWED (with an input it takes alone
     * and the rows of its table that take it) or UNREACHABLE.
     */
    public record RowFinding(String table, int row, String finding, Map<String, Object> example, List<Integer> takenBy) {
    }

    /** A row of the sheet: which rule table (0 = the first) and its 1-based place in it. */
    private record RowRef(int table, int row) {
    }

    /** The rows that fired for one input, and whether the table gave no decision at all. */
    private record Fired(List<RowRef> rows, boolean undecided) {
    }

    private Completeness() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Report check(DecisionTable table, CompiledTable rules, byte[] content, Function<byte[], CompiledTable> compile,
                        ObjectMapper json) {
        TableLayout layout = TableLayout.read(content);
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (RecordComponent component : table.inputType().getRecordComponents()) {
            values.put(component.getName(), values(component, layout.tables()));
        }
        double size = values.values().stream().mapToDouble(List::size).reduce(1, (a, b) -> a * b);
        boolean sampled = size > MAX_INPUTS;
        List<Map<String, Object>> domain = sampled ? sample(values) : domain(values);
        Map<Integer, RowRef> sheetRows = new LinkedHashMap<>();
        for (int t = 0; t < layout.tables().size(); t++) {
            List<TableLayout.RuleRow> rows = layout.tables().get(t).rows();
            for (int i = 0; i < rows.size(); i++) {
                sheetRows.put(rows.get(i).displayNumber(), new RowRef(t, i + 1));
            }
        }
        Map<RowRef, Integer> hits = new LinkedHashMap<>();
        sheetRows.values().forEach(r -> hits.put(r, 0));
        int gaps = 0;
        List<Map<String, Object>> gapExamples = new ArrayList<>();
        List<List<RowRef>> firedByInput = new ArrayList<>();
        for (Map<String, Object> input : domain) {
            Fired fired = fire(table, rules, json.convertValue(input, table.inputType()), sheetRows);
            firedByInput.add(fired.rows());
            fired.rows().forEach(r -> hits.merge(r, 1, Integer::sum));
            if (fired.rows().isEmpty() || fired.undecided()) {
                gaps++;
                if (gapExamples.size() < 20) {
                    gapExamples.add(input);
                }
            }
        }
        List<RowFinding> findings = new ArrayList<>();
        int triedAlone = 0;
        TableRows.View view = TableRows.read(content);
        for (Map.Entry<RowRef, Integer> entry : hits.entrySet()) {
            RowRef ref = entry.getKey();
            String name = view.tables().get(ref.table()).name();
            if (entry.getValue() > 0) {
                continue;
            }
            if (triedAlone++ >= MAX_ROWS_TRIED_ALONE) {
                findings.add(new RowFinding(name, ref.row(), "NEVER_FIRES", Map.of(), List.of()));
                continue;
            }
            TableRows.RuleRow only = view.tables().get(ref.table()).rows().get(ref.row() - 1);
            byte[] aloneContent = TableRows.apply(content, Map.of(ref.table(), List.of(only)));
            CompiledTable alone = compile.apply(aloneContent);
            int sheetRow = TableLayout.read(aloneContent).tables().get(ref.table()).rows().get(0).displayNumber();
            Map<Integer, RowRef> aloneRows = Map.of(sheetRow, ref);
            RowFinding finding = new RowFinding(name, ref.row(), "UNREACHABLE", Map.of(), List.of());
            for (int i = 0; i < domain.size(); i++) {
                if (fire(table, alone, json.convertValue(domain.get(i), table.inputType()), aloneRows).rows().contains(ref)) {
                    List<Integer> takenBy = firedByInput.get(i).stream().filter(r -> r.table() == ref.table())
                            .map(RowRef::row).toList();
                    finding = new RowFinding(name, ref.row(), "SHADOWED", domain.get(i), takenBy);
                    break;
                }
            }
            findings.add(finding);
        }
        return new Report(domain.size(), sampled, gaps, gapExamples, findings);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Fired fire(DecisionTable table, CompiledTable rules, Object input, Map<Integer, RowRef> rows) {
        List<String> names = new ArrayList<>();
        Rules tracing = (globals, facts) -> names.addAll(rules.fireTraced(globals, facts));
        boolean undecided = false;
        try {
            table.decide(input, tracing);
        } catch (NoRuleMatched e) {
            undecided = true; // an input the table does not decide is what the check looks for
        } catch (RuntimeException e) {
            // another refusal of this input (a combination the table's own code rejects) is not a gap
        }
        List<RowRef> fired = new ArrayList<>();
        for (String name : names) {
            Matcher m = ROW.matcher(name);
            if (m.find()) {
                RowRef row = rows.get(Integer.parseInt(m.group(1)));
                if (row != null && !fired.contains(row)) {
                    fired.add(row);
                }
            }
        }
        return new Fired(fired, undecided);
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

    /** The least value the input's own constraints allow (@Min, @DecimalMin, @PositiveOrZero, @Positive), or null. */
    private static BigDecimal least(RecordComponent component, BigDecimal step) {
        java.lang.reflect.Method accessor = component.getAccessor();
        BigDecimal least = null;
        if (accessor.getAnnotation(jakarta.validation.constraints.Min.class) != null) {
            least = BigDecimal.valueOf(accessor.getAnnotation(jakarta.validation.constraints.Min.class).value());
        }
        jakarta.validation.constraints.DecimalMin decimalMin = accessor.getAnnotation(jakarta.validation.constraints.DecimalMin.class);
        if (decimalMin != null) {
            BigDecimal min = new BigDecimal(decimalMin.value());
            least = decimalMin.inclusive() ? min : min.add(step);
        }
        if (accessor.getAnnotation(jakarta.validation.constraints.PositiveOrZero.class) != null) {
            least = BigDecimal.ZERO;
        }
        if (accessor.getAnnotation(jakarta.validation.constraints.Positive.class) != null) {
            least = step;
        }
        return least;
    }

    private static List<Object> values(RecordComponent component, List<TableLayout.RuleTable> tables) {
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
            for (TableLayout.RuleTable table : tables) {
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
            }
            if (numbers.isEmpty()) {
                numbers.add(whole ? BigDecimal.ONE : new BigDecimal("100.00"));
            }
            BigDecimal step = whole ? BigDecimal.ONE : new BigDecimal("0.01");
            BigDecimal least = least(component, step);
            Set<Object> around = new LinkedHashSet<>();
            for (BigDecimal n : numbers) {
                for (BigDecimal v : List.of(n.subtract(step), n, n.add(step))) {
                    if (least == null || v.compareTo(least) >= 0) {
                        around.add(whole ? (Object) v.intValue() : v.setScale(2, java.math.RoundingMode.HALF_UP));
                    }
                }
            }
            return new ArrayList<>(around);
        }
        return java.util.Collections.singletonList(null);
    }
}
