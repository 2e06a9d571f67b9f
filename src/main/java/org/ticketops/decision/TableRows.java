package org.ticketops.decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.ticketops.web.InvalidField;

/**
 * A table version as a manager reads it: the columns of its rule table with their labels (not Drools keywords)
 * and its rule rows as cells by column letter. The stored spreadsheet stays the one artefact (the template and
 * the rows together); the grid, a draft edited in the browser, the diff and the replay read and write the rows
 * through this view, and {@link #apply} writes edited rows back into the template's workbook, which the guard and
 * the compiler then check like any upload.
 */
public final class TableRows {

    /** A column of the rule table: its letter, whether it is a condition or an action, and its label. */
    public record Column(String letter, String kind, String label) {
    }

    /** One rule row: its cells by column letter (an empty cell is absent). */
    public record RuleRow(Map<String, String> cells) {
    }

    /** One rule table of the sheet (a workbook may have several: refund rules and minimum fees). */
    public record Table(String name, List<Column> columns, List<RuleRow> rows) {
    }

    /** Every rule table; {@code columns} and {@code rows} are those of the first, the table's main rules. */
    public record View(List<Column> columns, List<RuleRow> rows, List<Table> tables) {
    }

    private TableRows() {
    }

    /** The rule table of a version's spreadsheet as columns and rows (the first rule table: ours have one). */
    public static View read(byte[] content) {
        TableLayout layout = TableLayout.read(content);
        if (layout.tables().isEmpty()) {
            throw new InvalidField("file", "has no RuleTable");
        }
        List<Table> tables = new ArrayList<>();
        for (TableLayout.RuleTable table : layout.tables()) {
            List<Column> columns = table.columns().stream().map(c -> new Column(c.letter(),
                    c.keyword().startsWith("CONDITION") ? "condition" : c.keyword().startsWith("ACTION") ? "action"
                            : c.keyword().toLowerCase(java.util.Locale.ROOT), c.label())).toList();
            List<RuleRow> rows = new ArrayList<>();
            for (TableLayout.RuleRow row : table.rows()) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (TableLayout.Column column : table.columns()) {
                    TableLayout.RawCell cell = row.cells().get(column.index());
                    if (cell != null && !cell.text().isBlank()) {
                        cells.put(column.letter(), cell.text());
                    }
                }
                rows.add(new RuleRow(cells));
            }
            tables.add(new Table(table.name().replaceFirst("^RuleTable\\s*", ""), columns, rows));
        }
        return new View(tables.get(0).columns(), tables.get(0).rows(), tables);
    }

    /**
     * Writes {@code rows} into the rule table of {@code template} (the spreadsheet of the version a draft starts
     * from): changed cells, rows added at the end (styled like the last one), rows removed; what is under the table
     * moves down or up with it, as when rows are inserted or deleted in Excel. Numbers are written as numbers,
     * everything else as text; nothing is ever written as a formula.
     */
    public static byte[] apply(byte[] template, List<RuleRow> rows) {
        return apply(template, Map.of(0, rows));
    }

    /**
     * Writes the rows of several rule tables (by their place in the sheet, 0 = the first); tables not named keep
     * their rows.
     */
    public static byte[] apply(byte[] template, Map<Integer, List<RuleRow>> byTable) {
        byte[] content = template;
        for (Map.Entry<Integer, List<RuleRow>> entry : new java.util.TreeMap<>(byTable).entrySet()) {
            content = applyOne(content, entry.getKey(), entry.getValue());
        }
        return content;
    }

    private static byte[] applyOne(byte[] template, int index, List<RuleRow> rows) {
        TableLayout layout = TableLayout.read(template);
        if (index < 0 || index >= layout.tables().size()) {
            throw new InvalidField("tables", "the sheet has no rule table " + (index + 1));
        }
        TableLayout.RuleTable table = layout.tables().get(index);
        if (rows.isEmpty()) {
            throw new InvalidField("rows", "a table needs at least one rule row");
        }
        Map<String, Integer> letters = new LinkedHashMap<>();
        table.columns().forEach(c -> letters.put(c.letter(), c.index()));
        for (int i = 0; i < rows.size(); i++) {
            for (String letter : rows.get(i).cells().keySet()) {
                if (!letters.containsKey(letter)) {
                    throw new InvalidField("rows[" + i + "]." + letter, "is not a column of this table");
                }
            }
        }
        int first = table.keywordRow() + 4;
        int oldCount = table.rows().size();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet(table.sheet());
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            Row styleRow = sheet.getRow(first + Math.max(0, oldCount - 1));
            int below = first + oldCount;
            int delta = rows.size() - oldCount;
            if (delta > 0 && sheet.getLastRowNum() >= below) {
                sheet.shiftRows(below, sheet.getLastRowNum(), delta); // what is under the table moves down with it
            }
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(first + i);
                if (row == null) {
                    row = sheet.createRow(first + i);
                }
                for (Map.Entry<String, Integer> column : letters.entrySet()) {
                    String value = rows.get(i).cells().get(column.getKey());
                    Cell cell = row.getCell(column.getValue());
                    if (cell != null && value != null && cell.getCellType() != CellType.FORMULA
                            && TableLayout.text(cell, formatter).strip().equals(value.strip())) {
                        continue; // unchanged: the cell keeps its type and format ("5.00" stays text, not 5)
                    }
                    if (cell == null) {
                        cell = row.createCell(column.getValue());
                        CellStyle style = styleRow == null || styleRow.getCell(column.getValue()) == null ? null
                                : styleRow.getCell(column.getValue()).getCellStyle();
                        if (style != null) {
                            cell.setCellStyle(style);
                        }
                    }
                    write(cell, value);
                }
            }
            if (delta < 0) {
                for (int i = rows.size(); i < oldCount; i++) {
                    Row row = sheet.getRow(first + i);
                    if (row != null) {
                        sheet.removeRow(row);
                    }
                }
                if (sheet.getLastRowNum() >= below) {
                    sheet.shiftRows(below, sheet.getLastRowNum(), delta); // and up again when it shrinks
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new InvalidField("rows", "could not be written into the table: " + e.getMessage());
        }
    }

    private static void write(Cell cell, String value) {
        if (value == null || value.isBlank()) {
            cell.setBlank();
            return;
        }
        String text = value.strip();
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            cell.setCellValue(new BigDecimal(text).doubleValue());
        } else {
            cell.setCellValue(text);
        }
        if (cell.getCellType() == CellType.FORMULA) {
            throw new IllegalStateException("a rule cell became a formula");
        }
    }
}
