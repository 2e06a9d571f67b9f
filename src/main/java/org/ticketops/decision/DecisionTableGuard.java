package org.ticketops.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.ticketops.platform.SourceFolders;

/**
 * Stands between an uploaded spreadsheet and the Drools compiler. A table is its template (code, set by
 * a release: the file shipped in {@code rules/}) plus rows of values (set by managers). Before anything
 * compiles, the upload's template must equal the release's cell for cell, it may have at most
 * {@code ticketops.decisions.max-rules} rule rows, and every rule-row cell must be a value of its
 * column's type. So nothing a manager uploads is ever compiled as code.
 */
@Component
class DecisionTableGuard {

    private static final Pattern OBJECT_TYPE = Pattern.compile("^\\$?\\w+\\s*:\\s*(\\w+)(\\(.*\\))?$");
    private static final Pattern VARIABLE = Pattern.compile("^(\\w+)\\s+(\\w+)$");

    private final Function<String, byte[]> release;
    private final DecisionProperties properties;
    private final Map<String, Reference> references = new ConcurrentHashMap<>();

    @Autowired
    DecisionTableGuard(SourceFolders folders, DecisionProperties properties) {
        this(table -> folders.find(SourceFolders.Kind.RULES, table + ".xlsx").map(DecisionTableGuard::read)
                .orElseThrow(() -> new IllegalStateException("The release has no rules/" + table + ".xlsx")), properties);
    }

    /** @param release the shipped file of a table by its name: the template that uploads must keep */
    DecisionTableGuard(Function<String, byte[]> release, DecisionProperties properties) {
        this.release = release;
        this.properties = properties;
    }

    /** The release's template of a table and the type of each of its columns. */
    private record Reference(TableLayout layout, Map<String, ColumnType> columnTypes) {
    }

    /**
     * Checks an upload (or a stored version about to be compiled) against the release's template of the
     * table. Throws {@link TableStructureChanged}, {@link TooManyRules} or {@link InvalidCells}.
     */
    void check(String table, byte[] content) {
        Reference reference = reference(table);
        TableLayout upload = TableLayout.read(content);
        compareTemplates(table, reference.layout(), upload);
        int rules = upload.ruleCount();
        if (rules > properties.maxRules()) {
            throw new TooManyRules(table, rules, properties.maxRules());
        }
        List<InvalidCells.Cell> invalid = new ArrayList<>();
        for (String stray : upload.strayCells()) {
            String ref = stray.substring(stray.indexOf('!') + 1);
            String column = ref.replaceAll("\\d", "");
            invalid.add(new InvalidCells.Cell(Integer.parseInt(ref.replaceAll("\\D", "")), column, "(outside the table)",
                    "empty: rule rows hold values only in the table's columns"));
        }
        for (TableLayout.RuleTable ruleTable : upload.tables()) {
            for (TableLayout.RuleRow row : ruleTable.rows()) {
                for (TableLayout.Column column : ruleTable.columns()) {
                    TableLayout.RawCell cell = row.cells().get(column.index());
                    if (cell == null) {
                        continue;
                    }
                    ColumnType type = reference.columnTypes().get(key(ruleTable, column));
                    String header = column.label().isBlank() ? column.keyword() : column.label();
                    if (cell.type() == CellType.FORMULA) {
                        invalid.add(new InvalidCells.Cell(row.displayNumber(), column.letter(), header,
                                type.expected() + " (a value, not a formula)"));
                    } else {
                        type.refuse(cell.text()).ifPresent(expected -> invalid.add(
                                new InvalidCells.Cell(row.displayNumber(), column.letter(), header, expected)));
                    }
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidCells(table, invalid);
        }
    }

    private static void compareTemplates(String table, TableLayout reference, TableLayout upload) {
        Map<String, String> expected = reference.template();
        Map<String, String> found = upload.template();
        List<String> ordered = new ArrayList<>(expected.keySet());
        found.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(ordered::add);
        for (String cell : ordered) {
            if (!Objects.equals(expected.get(cell), found.get(cell))) {
                String where = found.containsKey(cell) ? upload.address(cell) : reference.address(cell);
                throw new TableStructureChanged(table, where, expected.get(cell), found.get(cell));
            }
        }
    }

    private Reference reference(String table) {
        return references.computeIfAbsent(table, this::loadReference);
    }

    private Reference loadReference(String table) {
        byte[] shipped = release.apply(table);
        TableLayout layout = TableLayout.read(shipped);
        ColumnType.Imports imports = imports(table, layout.template());
        Class<?> result = variableType(table, layout.template(), imports);
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (TableLayout.RuleTable ruleTable : layout.tables()) {
            Class<?> fact = factType(table, ruleTable, imports);
            for (TableLayout.Column column : ruleTable.columns()) {
                ColumnType type = ColumnType.of(column.keyword(), column.code(), fact, result, imports)
                        .orElseThrow(() -> new IllegalStateException("rules/" + table + ".xlsx, " + ruleTable.name()
                                + ", column " + column.letter() + ": the code \"" + column.code()
                                + "\" takes a value of no type this release can check"));
                types.put(key(ruleTable, column), type);
            }
        }
        return new Reference(layout, types);
    }

    private static String key(TableLayout.RuleTable table, TableLayout.Column column) {
        return table.sheet() + "/" + table.name() + "/" + column.index();
    }

    private static ColumnType.Imports imports(String table, Map<String, String> template) {
        List<Class<?>> classes = new ArrayList<>();
        for (var entry : keywordValues(template, "Import")) {
            for (String name : entry.split(",")) {
                String className = name.strip();
                if (className.isEmpty()) {
                    continue;
                }
                try {
                    classes.add(Class.forName(className, false, DecisionTableGuard.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("rules/" + table + ".xlsx imports " + className + ", which does not exist");
                }
            }
        }
        return new ColumnType.Imports(classes);
    }

    private static Class<?> variableType(String table, Map<String, String> template, ColumnType.Imports imports) {
        for (String variables : keywordValues(template, "Variables")) {
            Matcher m = VARIABLE.matcher(variables.strip());
            if (m.matches()) {
                return imports.byName(m.group(1)).orElseThrow(() -> new IllegalStateException(
                        "rules/" + table + ".xlsx: variable type " + m.group(1) + " is not imported"));
            }
        }
        return Object.class;
    }

    private static Class<?> factType(String table, TableLayout.RuleTable ruleTable, ColumnType.Imports imports) {
        for (TableLayout.Column column : ruleTable.columns()) {
            Matcher m = OBJECT_TYPE.matcher(column.objectType());
            if (m.matches()) {
                return imports.byName(m.group(1)).orElseThrow(() -> new IllegalStateException(
                        "rules/" + table + ".xlsx: fact type " + m.group(1) + " is not imported"));
            }
        }
        return Object.class;
    }

    /** The values right of a keyword cell ("Import", "Variables") in the template. */
    private static List<String> keywordValues(Map<String, String> template, String keyword) {
        List<String> values = new ArrayList<>();
        List<Map.Entry<String, String>> cells = new ArrayList<>(template.entrySet());
        for (int i = 0; i < cells.size() - 1; i++) {
            if (cells.get(i).getValue().strip().equalsIgnoreCase(keyword)) {
                String ref = cells.get(i).getKey();
                String next = cells.get(i + 1).getKey();
                if (sameRow(ref, next)) {
                    values.add(cells.get(i + 1).getValue());
                }
            }
        }
        return values;
    }

    private static boolean sameRow(String a, String b) {
        String rowA = a.replaceAll("^.*![A-Z]+", "");
        String rowB = b.replaceAll("^.*![A-Z]+", "");
        return a.contains("!") && b.contains("!") && rowA.equals(rowB)
                && a.substring(0, a.indexOf('!')).equals(b.substring(0, b.indexOf('!')));
    }

    private static byte[] read(org.springframework.core.io.Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests and the seeder: whether two files have the same template. */
    boolean sameTemplate(byte[] a, byte[] b) {
        return TableLayout.read(a).template().equals(TableLayout.read(b).template());
    }
}
