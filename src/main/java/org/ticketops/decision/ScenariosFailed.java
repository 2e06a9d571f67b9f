package org.ticketops.decision;

import java.util.List;
import java.util.Map;

import org.ticketops.web.ProblemException;

/** A table whose scenarios do not all pass: refused, the active version stays in force. */
public class ScenariosFailed extends ProblemException {

    public ScenariosFailed(String table, int total, List<ScenarioResult> failures) {
        super(Kind.UNPROCESSABLE, "SCENARIOS_FAILED", "Scenarios failed",
                failures.size() + " of " + total + " scenario(s) of " + table
                        + " do not give the expected outputs; the active version stays in force.",
                Map.of("failures", failures.stream().limit(50).toList()));
    }
}
