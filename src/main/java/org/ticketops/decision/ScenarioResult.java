package org.ticketops.decision;

import java.util.Map;

/** One scenario line checked against a table: what was expected, what came out. */
public record ScenarioResult(int line, String name, Map<String, String> input, Map<String, String> expected,
                             Map<String, String> actual, String error) {

    public boolean passed() {
        return error == null && expected.equals(actual);
    }
}
