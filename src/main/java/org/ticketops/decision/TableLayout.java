package org.ticketops.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A decision-table spreadsheet split the way Drools reads it: the <b>template</b> (every cell outside the
 * rule rows: RuleSet, Import, Variables, Functions, the CONDITION/ACTION keywords, the code under them,
 * the column labels, merged regions, sheet names) and the <b>rows</b> of each RuleTable (the values a
 * manager edits). Two versions of a table may differ in their rows only.
 */
final class TableLayout {

    /** A RuleTable block: its name, keyword row, code row, label row, its columns and its rule rows. */
    record RuleTable(String sheet, String name, int keywordRow, List<Column> columns, List<RuleRow> rows) {
    }

    /** One column of a RuleTable: its keyword (CONDITION, ACTION, ...), object cell, code and label. */
    record Column(int index, String keyword, String objectType, String code, String label) {
        String letter() {
            return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
        }
    }

    /** One rule row: its 0-based sheet row and the raw cells of the table's columns (absent = empty). */
    record RuleRow(int rowIndex, Map<Integer, RawCell> cells) {
        int displayNumber() {
            return rowIndex + 1;
        }
    }

    /** What a cell holds, as the manager typed it. */
    record RawCell(CellType type, String text) {
    }

    private final Map<String, String> template;
    private final Map<String, String> addresses;
    private final List<RuleTable> tables;
    private final List<String> strayCells;

    private TableLayout(Map<String, String> template, Map<String, String> addresses, List<RuleTable> tables,
                        List<String> strayCells) {
        this.template = template;
        this.addresses = addresses;
        this.tables = tables;
        this.strayCells = strayCells;
    }

    /**
     * Template cells (plus merged regions and sheet names), in reading order, keyed by sheet, column and row counted
     * without the rule rows above: a rule table that gains or loses rows (the rows under it moving with it, as when
     * rows are inserted in Excel) leaves the template unchanged.
     */
    Map<String, String> template() {
        return template;
    }

    /** Where a template key's cell is in this workbook ("Sheet!A38"), for messages. */
    String address(String key) {
        return addresses.getOrDefault(key, key);
    }

    private static String templateKey(String sheet, int column, int row, List<int[]> ruleRowRanges) {
        int above = 0;
        for (int[] range : ruleRowRanges) {
            if (range[1] <= row) {
                above += range[1] - range[0];
            }
        }
        return sheet + "!" + org.apache.poi.ss.util.CellReference.convertNumToColString(column) + "#" + (row - above);
    }

    List<RuleTable> tables() {
        return tables;
    }

    /** Cells in rule rows outside the table's columns ("Sheet!M14"): Drools would skip or misread them. */
    List<String> strayCells() {
        return strayCells;
    }

    int ruleCount() {
        return tables.stream().mapToInt(t -> t.rows().size()).sum();
    }

    static TableLayout read(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            Map<String, String> template = new LinkedHashMap<>();
            Map<String, String> addresses = new LinkedHashMap<>();
            List<RuleTable> tables = new ArrayList<>();
            List<String> stray = new ArrayList<>();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                String sheetName = sheet.getSheetName();
                template.put("sheet " + (s + 1), sheetName);
                List<int[]> ruleRowRanges = new ArrayList<>();
                int last = sheet.getLastRowNum();
                for (int r = 0; r <= last; r++) {
                    String first = firstText(sheet.getRow(r), formatter);
                    if (first != null && first.startsWith("RuleTable")) {
                        RuleTable table = ruleTable(sheet, r, first, formatter);
                        tables.add(table);
                        int start = table.keywordRow() + 4;
                        int end = table.rows().isEmpty() ? start : table.rows().get(table.rows().size() - 1).rowIndex() + 1;
                        ruleRowRanges.add(new int[]{start, end, table.columns().get(0).index(),
                                table.columns().get(table.columns().size() - 1).index()});
                        r = end;
                    }
                }
                for (Row row : sheet) {
                    int[] range = rangeOf(ruleRowRanges, row.getRowNum());
                    for (Cell cell : row) {
                        String text = text(cell, formatter);
                        if (text.isBlank()) {
                            continue;
                        }
                        String ref = sheetName + "!" + new CellAddress(cell).formatAsString();
                        if (range == null) {
                            String key = templateKey(sheetName, cell.getColumnIndex(), row.getRowNum(), ruleRowRanges);
                            template.put(key, (cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula() : text));
                            addresses.put(key, ref);
                        } else if (cell.getColumnIndex() < range[2] || cell.getColumnIndex() > range[3]) {
                            stray.add(ref);
                        }
                    }
                }
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    int rows = merged.getLastRow() - merged.getFirstRow();
                    String key = templateKey(sheetName, merged.getFirstColumn(), merged.getFirstRow(), ruleRowRanges)
                            + " merged " + (merged.getLastColumn() - merged.getFirstColumn() + 1) + "x" + (rows + 1);
                    template.put(key, "merged");
                    addresses.put(key, sheetName + "!merged " + merged.formatAsString());
                }
            }
            return new TableLayout(template, addresses, tables, stray);
        } catch (IOException | RuntimeException e) {
            throw new BrokenWorkbook(e.getClass().getSimpleName());
        }
    }

    private static RuleTable ruleTable(Sheet sheet, int nameRow, String name, DataFormatter formatter) {
        int keywordRow = nameRow + 1;
        Row keywords = sheet.getRow(keywordRow);
        List<Column> columns = new ArrayList<>();
        if (keywords != null) {
            for (Cell cell : keywords) {
                String keyword = text(cell, formatter).strip();
                if (!keyword.isEmpty()) {
                    int c = cell.getColumnIndex();
                    columns.add(new Column(c, keyword, cellText(sheet, keywordRow + 1, c, formatter),
                            cellText(sheet, keywordRow + 2, c, formatter), cellText(sheet, keywordRow + 3, c, formatter)));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidDecisionTable("(upload)", List.of(name + " has no CONDITION/ACTION row under it"));
        }
        int from = columns.get(0).index();
        int to = columns.get(columns.size() - 1).index();
        List<RuleRow> rows = new ArrayList<>();
        for (int r = keywordRow + 4; ; r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, formatter)) {
                break; // Drools ends a RuleTable at the first empty row
            }
            Map<Integer, RawCell> cells = new LinkedHashMap<>();
            for (int c = from; c <= to; c++) {
                Cell cell = row.getCell(c);
                if (cell != null && !text(cell, formatter).isBlank()) {
                    cells.put(c, new RawCell(cell.getCellType() == CellType.FORMULA ? CellType.FORMULA : cell.getCellType(),
                            cell.getCellType() == CellType.FORMULA ? cell.getCellFormula() : text(cell, formatter)));
                }
            }
            rows.add(new RuleRow(r, cells));
        }
        return new RuleTable(sheet.getSheetName(), name.substring("RuleTable".length()).strip(), keywordRow, columns, rows);
    }

    private static int[] rangeOf(List<int[]> ranges, int row) {
        for (int[] range : ranges) {
            if (row >= range[0] && row < range[1]) {
                return range;
            }
        }
        return null;
    }

    private static boolean blank(Row row, DataFormatter formatter) {
        for (Cell cell : row) {
            if (!text(cell, formatter).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String firstText(Row row, DataFormatter formatter) {
        if (row == null) {
            return null;
        }
        for (Cell cell : row) {
            String text = text(cell, formatter).strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static String cellText(Sheet sheet, int row, int column, DataFormatter formatter) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : text(cell, formatter).strip();
    }

    static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.FORMULA) {
            return cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }
}
