package org.ticketops.decision;

import java.util.List;
import java.util.Map;

import org.ticketops.web.FieldError;
import org.ticketops.web.ProblemException;

/** The upload is not a readable .xlsx workbook at all: 400 naming the file; nothing is stored. */
public class BrokenWorkbook extends ProblemException {

    public BrokenWorkbook(String why) {
        super(Kind.INVALID, "BROKEN_WORKBOOK", "Broken workbook",
                "file: is not a readable .xlsx spreadsheet (" + why + "); the active version stays in force.",
                Map.of("errors", List.of(new FieldError("file", "is not a readable .xlsx spreadsheet"))));
    }
}
