package org.ticketops.decision;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** A table with more rule rows than {@code ticketops.decisions.max-rules}: refused before it compiles. */
public class TooManyRules extends ProblemException {

    public TooManyRules(String table, int rules, int limit) {
        super(Kind.UNPROCESSABLE, "TOO_MANY_RULES", "Too many rules",
                "Decision table " + table + " has " + rules + " rule rows; at most " + limit
                        + " are accepted. The active version stays in force.",
                Map.of("rules", rules, "limit", limit));
    }
}
