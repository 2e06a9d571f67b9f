package org.ticketops.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two versions of a table compared row by row: a row is the same rule in both when its conditions are the same
 * (the n-th such row with the n-th); then it is unchanged, moved, or changed in its results cell by cell. Rows
 * only in the newer version are added, rows only in the older removed.
 */
public final class TableDiff {

    public enum Kind { SAME, MOVED, CHANGED, ADDED, REMOVED }

    /** One cell that differs: what it was and what it is. */
    public record CellChange(String from, String to) {
    }

    /** A row of the comparison: its kind, its 1-based position in each version (null where absent), changed cells. */
    public record Entry(Kind kind, Integer fromRow, Integer toRow, Map<String, String> cells,
                        Map<String, CellChange> changes) {
    }

    public record Result(int fromVersion, int toVersion, List<TableRows.Column> columns, List<Entry> entries,
                         Map<Kind, Long> counts) {

        /** {@code 23 same · 0 moved · 1 changed · 0 added · 0 removed}. */
        public String summary() {
            return String.join(" · ", counts.entrySet().stream().map(e -> e.getValue() + " "
                    + e.getKey().name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
    }

    private TableDiff() {
    }

    public static Result compare(int fromVersion, TableRows.View from, int toVersion, TableRows.View to) {
        List<String> conditions = to.columns().stream().filter(c -> c.kind().equals("condition")).map(TableRows.Column::letter)
                .toList();
        Map<String, List<Integer>> unmatched = new HashMap<>();
        for (int i = 0; i < from.rows().size(); i++) {
            unmatched.computeIfAbsent(key(from.rows().get(i), conditions), k -> new ArrayList<>()).add(i);
        }
        List<Entry> entries = new ArrayList<>();
        boolean[] matched = new boolean[from.rows().size()];
        for (int j = 0; j < to.rows().size(); j++) {
            TableRows.RuleRow row = to.rows().get(j);
            List<Integer> candidates = unmatched.get(key(row, conditions));
            if (candidates == null || candidates.isEmpty()) {
                entries.add(new Entry(Kind.ADDED, null, j + 1, row.cells(), Map.of()));
                continue;
            }
            int i = candidates.remove(0);
            matched[i] = true;
            Map<String, CellChange> changes = changes(from.rows().get(i), row, to.columns());
            Kind kind = !changes.isEmpty() ? Kind.CHANGED : i != j ? Kind.MOVED : Kind.SAME;
            entries.add(new Entry(kind, i + 1, j + 1, row.cells(), changes));
        }
        for (int i = 0; i < from.rows().size(); i++) {
            if (!matched[i]) {
                entries.add(new Entry(Kind.REMOVED, i + 1, null, from.rows().get(i).cells(), Map.of()));
            }
        }
        Map<Kind, Long> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, entries.stream().filter(e -> e.kind() == kind).count());
        }
        return new Result(fromVersion, toVersion, to.columns(), entries, counts);
    }

    private static String key(TableRows.RuleRow row, List<String> conditions) {
        StringBuilder key = new StringBuilder();
        for (String letter : conditions) {
            key.append(letter).append('=').append(Objects.toString(row.cells().get(letter), "")).append('\u0001');
        }
        return key.toString();
    }

    private static Map<String, CellChange> changes(TableRows.RuleRow a, TableRows.RuleRow b, List<TableRows.Column> columns) {
        Map<String, CellChange> changes = new LinkedHashMap<>();
        for (TableRows.Column column : columns) {
            String x = a.cells().get(column.letter());
            String y = b.cells().get(column.letter());
            if (!Objects.equals(x, y)) {
                changes.put(column.letter(), new CellChange(x, y));
            }
        }
        return changes;
    }
}
