package org.ticketops.decision;

import org.ticketops.web.ProblemException;

/** The table in force has no row for an input: the table is incomplete, not the input wrong. */
public class NoRuleMatched extends ProblemException {

    public NoRuleMatched(String table, Object input) {
        super(Kind.UNPROCESSABLE, "NO_RULE_MATCHED", "No rule matched",
                "No row of decision table " + table + " matches " + input + ".");
    }
}
