package org.ticketops.decision;

import java.util.List;
import java.util.Map;

import org.ticketops.web.ProblemException;

/** A table that does not compile or has no rules: refused, the active version stays in force. */
public class InvalidDecisionTable extends ProblemException {

    private final List<String> messages;

    public InvalidDecisionTable(String table, List<String> messages) {
        super(Kind.UNPROCESSABLE, "INVALID_DECISION_TABLE", "Invalid decision table",
                "Decision table " + table + " was refused: " + messages.size() + " problem(s); the active version stays in force.",
                Map.of("problems", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
