package org.ticketops.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A table's scenarios as the page's grid sees them: the comment lines at the top of the CSV, its columns and one row of
 * cells per scenario, in file order (row {@code i} is the {@code i}-th scenario a check reports). The page edits the
 * grid and writes it back as CSV; {@link Scenarios} still checks that CSV against the table's inputs and outputs.
 */
public record ScenarioSheet(List<String> comments, List<String> columns, List<List<String>> rows) {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    public ScenarioSheet {
        comments = List.copyOf(comments);
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> (List<String>) List.copyOf(row)).toList();
    }

    /** Reads a scenarios CSV; only the comment lines above the header are kept (comments between cases are dropped). */
    public static ScenarioSheet read(String csv) {
        List<String> comments = new ArrayList<>();
        for (String line : (csv == null ? "" : csv).lines().toList()) {
            if (line.startsWith("#")) {
                comments.add(line.substring(1).strip());
            } else if (!line.isBlank()) {
                break;
            }
        }
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv == null ? "" : csv)) {
            while (lines.hasNextValue()) {
                Map<String, String> line = lines.nextValue();
                if (columns.isEmpty()) {
                    columns.addAll(line.keySet());
                }
                rows.add(columns.stream().map(c -> line.getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the scenarios: " + e.getMessage(), e);
        }
        return new ScenarioSheet(comments, columns, rows);
    }

    /** The sheet as CSV: comments, header, one line per row (quoted where a cell needs it). */
    public String write() {
        StringBuilder out = new StringBuilder();
        comments.forEach(c -> out.append("# ").append(c.replace('\n', ' ')).append('\n'));
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try {
            out.append(CSV.writer(schema.build().withHeader()).writeValueAsString(rows.stream()
                    .map(row -> {
                        Map<String, String> line = new LinkedHashMap<>();
                        for (int i = 0; i < columns.size(); i++) {
                            line.put(columns.get(i), i < row.size() && row.get(i) != null ? row.get(i).strip() : "");
                        }
                        return line;
                    }).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The columns as a manager reads them, in order. */
    public List<String> labels() {
        return columns.stream().map(ScenarioSheet::label).toList();
    }

    /** "hoursBeforeShow" as a manager reads it: "hours before show". */
    public static String label(String column) {
        return column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
