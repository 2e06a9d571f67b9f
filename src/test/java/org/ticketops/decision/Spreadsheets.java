package org.ticketops.decision;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edits a copy of a decision table spreadsheet the way a manager would in Excel. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static byte[] edit(byte[] xlsx, Consumer<Sheet> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row whose cells in the given columns read as the given texts. */
    public static Row row(Sheet sheet, int[] columns, String... texts) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            boolean all = true;
            for (int i = 0; i < columns.length; i++) {
                Cell cell = row.getCell(columns[i]);
                if (cell == null || !formatter.formatCellValue(cell).equals(texts[i])) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return row;
            }
        }
        throw new AssertionError("No row with " + String.join(" / ", texts));
    }

    public static void set(Row row, int column, String value) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column);
        }
        cell.setCellValue(value);
    }

    public static void set(Row row, int column, double value) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column);
        }
        cell.setCellValue(value);
    }
}
