package org.ticketops.decision;

import java.util.Map;

import org.ticketops.web.ProblemException;

/**
 * An upload whose template (anything but the rule rows' values) differs from the release's: refused.
 * Templates are code; they change only with a release of TicketOps.
 */
public class TableStructureChanged extends ProblemException {

    public TableStructureChanged(String table, String cell, String expected, String found) {
        super(Kind.UNPROCESSABLE, "TABLE_STRUCTURE_CHANGED", "Table structure changed",
                "Decision table " + table + " was refused: cell " + cell + " is part of the table's structure, which only a"
                        + " release changes; edit the rule rows' values only (to add a rule, insert a row inside the table so"
                        + " that what is under it moves down). The active version stays in force.",
                Map.of("cell", cell, "expected", abbreviate(expected), "found", abbreviate(found)));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
