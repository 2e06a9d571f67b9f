package org.ticketops.decision;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The scenarios of a decision table: a CSV beside the spreadsheet with one case per line. Columns
 * named after the input record's fields are inputs, columns named after the output record's fields
 * are the expected outputs, and an optional {@code scenario} column names the case. Lines starting
 * with {@code #} are comments. Money compares with two decimals; a list compares as its items
 * separated by spaces, a record inside a list as its fields separated by colons.
 */
public final class Scenarios {

    public static final String NAME_COLUMN = "scenario";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Scenarios() {
    }

    /** One parsed line: its number in the file, its name, its input cells and its expected output cells. */
    public record Scenario(int line, String name, Map<String, String> input, Map<String, String> expected) {
        @Override
        public String toString() {
            return "line " + line + (name == null || name.isEmpty() ? "" : " (" + name + ")");
        }
    }

    /** Reads a scenarios CSV for a table; refuses unknown columns and a file without inputs or outputs. */
    public static List<Scenario> parse(DecisionTable<?, ?> table, String csv) {
        Set<String> inputs = fields(table.inputType());
        Set<String> outputs = fields(table.outputType());
        List<Scenario> scenarios = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            List<String> columns = null;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                int line = rows.getCurrentLocation().getLineNr() - 1;
                if (columns == null) {
                    columns = List.copyOf(row.keySet());
                    List<String> unknown = columns.stream()
                            .filter(c -> !c.equals(NAME_COLUMN) && !inputs.contains(c) && !outputs.contains(c)).toList();
                    if (!unknown.isEmpty()) {
                        throw new IllegalArgumentException("Unknown column(s) " + unknown + "; inputs are " + inputs
                                + ", outputs are " + outputs);
                    }
                    if (columns.stream().noneMatch(outputs::contains)) {
                        throw new IllegalArgumentException("No expected-output column; outputs are " + outputs);
                    }
                }
                Map<String, String> in = new LinkedHashMap<>();
                Map<String, String> expected = new LinkedHashMap<>();
                row.forEach((column, value) -> {
                    if (inputs.contains(column)) {
                        in.put(column, value);
                    } else if (outputs.contains(column)) {
                        expected.put(column, normalize(table.outputType(), column, value));
                    }
                });
                scenarios.add(new Scenario(line, row.get(NAME_COLUMN), in, expected));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the scenarios: " + e.getMessage(), e);
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("The scenarios file has no cases");
        }
        return scenarios;
    }

    /** Builds the input record of one scenario. */
    public static <I> I input(DecisionTable<I, ?> table, Scenario scenario) {
        Map<String, Object> values = new LinkedHashMap<>();
        scenario.input().forEach((k, v) -> values.put(k, v == null || v.isEmpty() ? null : v));
        return JSON.convertValue(values, table.inputType());
    }

    /** Runs one scenario through the given rules. */
    public static <I, O> ScenarioResult run(DecisionTable<I, O> table, Rules rules, Scenario scenario) {
        try {
            I input = input(table, scenario);
            O output = table.decide(input, rules);
            Map<String, String> actual = view(output, scenario.expected().keySet());
            return new ScenarioResult(scenario.line(), scenario.name(), scenario.input(), scenario.expected(), actual, null);
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.line(), scenario.name(), scenario.input(), scenario.expected(), Map.of(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Runs every scenario; returns the results in file order. */
    public static <I, O> List<ScenarioResult> runAll(DecisionTable<I, O> table, Rules rules, String csv) {
        return parse(table, csv).stream().map(s -> run(table, rules, s)).toList();
    }

    /** The output's fields named in {@code columns}, rendered the way scenario files write them. */
    public static Map<String, String> view(Object output, Collection<String> columns) {
        Map<String, String> view = new LinkedHashMap<>();
        for (RecordComponent component : output.getClass().getRecordComponents()) {
            if (columns.contains(component.getName())) {
                try {
                    view.put(component.getName(), render(component.getAccessor().invoke(output)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return view;
    }

    static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Scenarios::renderItem).collect(Collectors.joining(" "));
        }
        return value.toString();
    }

    private static String renderItem(Object item) {
        if (item != null && item.getClass().isRecord()) {
            return Arrays.stream(item.getClass().getRecordComponents()).map(c -> {
                try {
                    return render(c.getAccessor().invoke(item));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining(":"));
        }
        return render(item);
    }

    private static String normalize(Class<?> outputType, String column, String value) {
        String v = value == null ? "" : value.strip();
        for (RecordComponent component : outputType.getRecordComponents()) {
            if (component.getName().equals(column) && component.getType() == BigDecimal.class && !v.isEmpty()) {
                try {
                    return new BigDecimal(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
                } catch (NumberFormatException e) {
                    return v;
                }
            }
        }
        return v;
    }

    private static Set<String> fields(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
