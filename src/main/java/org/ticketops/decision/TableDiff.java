package org.ticketops.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two versions of a table compared row by row: a row is the same rule in both when its conditions are the same
 * (the n-th such row with the n-th); then it is unchanged, moved (out of the longest run that kept its order), or
 * changed in its results cell by cell. Rows only in the newer version are added, rows only in the older removed.
 * Each rule table of the sheet is compared with the same table of the other version.
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

    /** One rule table of the sheet compared (a workbook may have several: review reasons, finance approval, ...). */
    public record Part(String name, List<TableRows.Column> columns, List<Entry> entries, Map<Kind, Long> counts) {

        public String summary() {
            return TableDiff.summary(counts);
        }
    }

    /** Every rule table compared, and the counts over all of them. */
    public record Result(int fromVersion, int toVersion, List<Part> tables, Map<Kind, Long> counts) {

        /** {@code 23 same · 0 moved · 1 changed · 0 added · 0 removed}. */
        public String summary() {
            return TableDiff.summary(counts);
        }
    }

    private TableDiff() {
    }

    public static Result compare(int fromVersion, TableRows.View from, int toVersion, TableRows.View to) {
        List<Part> parts = new ArrayList<>();
        for (int t = 0; t < Math.max(from.tables().size(), to.tables().size()); t++) {
            TableRows.Table a = t < from.tables().size() ? from.tables().get(t) : null;
            TableRows.Table b = t < to.tables().size() ? to.tables().get(t) : null;
            TableRows.Table shape = b != null ? b : a;
            parts.add(part(shape.name(), a != null ? a.rows() : List.of(), b != null ? b.rows() : List.of(), shape.columns()));
        }
        return new Result(fromVersion, toVersion, parts, count(parts.stream().flatMap(p -> p.entries().stream()).toList()));
    }

    private static Part part(String name, List<TableRows.RuleRow> fromRows, List<TableRows.RuleRow> toRows,
                             List<TableRows.Column> columns) {
        TableRows.View from = new TableRows.View(columns, fromRows, List.of());
        TableRows.View to = new TableRows.View(columns, toRows, List.of());
        List<String> conditions = to.columns().stream().filter(c -> c.kind().equals("condition")).map(TableRows.Column::letter)
                .toList();
        Map<String, List<Integer>> unmatched = new HashMap<>();
        for (int i = 0; i < from.rows().size(); i++) {
            unmatched.computeIfAbsent(key(from.rows().get(i), conditions), k -> new ArrayList<>()).add(i);
        }
        List<Entry> entries = new ArrayList<>();
        boolean[] matched = new boolean[from.rows().size()];
        int[] partner = new int[to.rows().size()];
        java.util.Arrays.fill(partner, -1);
        for (int j = 0; j < to.rows().size(); j++) {
            List<Integer> candidates = unmatched.get(key(to.rows().get(j), conditions));
            if (candidates != null && !candidates.isEmpty()) {
                partner[j] = candidates.remove(0);
                matched[partner[j]] = true;
            }
        }
        java.util.Set<Integer> inPlace = longestInOrder(partner);
        for (int j = 0; j < to.rows().size(); j++) {
            TableRows.RuleRow row = to.rows().get(j);
            int i = partner[j];
            if (i < 0) {
                entries.add(new Entry(Kind.ADDED, null, j + 1, row.cells(), Map.of()));
                continue;
            }
            Map<String, CellChange> changes = changes(from.rows().get(i), row, to.columns());
            Kind kind = !changes.isEmpty() ? Kind.CHANGED : inPlace.contains(j) ? Kind.SAME : Kind.MOVED;
            entries.add(new Entry(kind, i + 1, j + 1, row.cells(), changes));
        }
        for (int i = 0; i < from.rows().size(); i++) {
            if (!matched[i]) {
                entries.add(new Entry(Kind.REMOVED, i + 1, null, from.rows().get(i).cells(), Map.of()));
            }
        }
        return new Part(name, columns, entries, count(entries));
    }

    private static Map<Kind, Long> count(List<Entry> entries) {
        Map<Kind, Long> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, entries.stream().filter(e -> e.kind() == kind).count());
        }
        return counts;
    }

    private static String summary(Map<Kind, Long> counts) {
        return String.join(" · ", counts.entrySet().stream().map(e -> e.getValue() + " "
                + e.getKey().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /**
     * The matched rows that kept their order (a longest increasing run of their old positions): the others moved.
     * Moving one row to the end so marks that one row, not every row after it.
     */
    private static java.util.Set<Integer> longestInOrder(int[] partner) {
        List<Integer> js = new ArrayList<>();
        for (int j = 0; j < partner.length; j++) {
            if (partner[j] >= 0) {
                js.add(j);
            }
        }
        int n = js.size();
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int a = 0; a < n; a++) {
            length[a] = 1;
            previous[a] = -1;
            for (int b = 0; b < a; b++) {
                if (partner[js.get(b)] < partner[js.get(a)] && length[b] + 1 > length[a]) {
                    length[a] = length[b] + 1;
                    previous[a] = b;
                }
            }
            if (best < 0 || length[a] > length[best]) {
                best = a;
            }
        }
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (int a = best; a >= 0; a = previous[a]) {
            kept.add(js.get(a));
        }
        return kept;
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
