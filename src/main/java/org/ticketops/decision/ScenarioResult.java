package org.ticketops.decision;

import java.util.Map;
import java.util.stream.Collectors;

/** One scenario line checked against a table: what was expected, what came out. */
public record ScenarioResult(int line, String name, Map<String, String> input, Map<String, String> expected,
                             Map<String, String> actual, String error) {

    public boolean passed() {
        return error == null && expected.equals(actual);
    }

    /** The expected results that did not come out, as a manager reads them ("fee 24.00, refund amount 456.00"). */
    public String expectedWhereDifferent() {
        return differing(expected);
    }

    /** What came out instead, for the same results. */
    public String actualWhereDifferent() {
        return error != null ? error : differing(actual);
    }

    private String differing(Map<String, String> values) {
        return expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k)))
                .map(k -> ScenarioSheet.label(k) + " " + (values.getOrDefault(k, "").isEmpty() ? "(none)" : values.get(k)))
                .collect(Collectors.joining(", "));
    }
}
