package org.ticketops.decision;

import java.util.List;
import java.util.Map;

import org.ticketops.web.ProblemException;

/** Rule-row cells that are not values of their column's type: refused before anything compiles. */
public class InvalidCells extends ProblemException {

    /** One refused cell: its row number as Excel shows it, its column letter and label, and what it must be. */
    public record Cell(int row, String column, String header, String expected) {
    }

    public InvalidCells(String table, List<Cell> cells) {
        super(Kind.UNPROCESSABLE, "INVALID_CELL", "Invalid cell",
                "Decision table " + table + " was refused: row " + cells.get(0).row() + ", column " + cells.get(0).column()
                        + " (" + cells.get(0).header() + ") must be " + cells.get(0).expected()
                        + (cells.size() > 1 ? "; " + (cells.size() - 1) + " more cell(s) listed in cells" : "")
                        + ". The active version stays in force.",
                Map.of("cells", cells.stream().limit(50).toList()));
    }
}
