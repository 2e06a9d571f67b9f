package org.ticketops.decision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What checking a draft found, on one screen: whether it compiles (and if not, the problems in the manager's
 * words), its scenarios, and a replay of the table's logged decisions of the last days through it.
 *
 * @param activatable compiles and every scenario passes (the draft may be activated)
 */
public record DraftReport(long draftId, String table, int basedOn, boolean compiles, List<String> problems,
                          List<ScenarioResult> scenarios, int scenariosFailed, Replay replay,
                          Completeness.Report completeness, boolean activatable) {

    /**
     * @param decisions      logged decisions replayed (the last {@code days} days, newest first, at most a limit)
     * @param changed        how many would now come out differently
     * @param moneyChange    per money output: the sum of (draft − logged) over the replayed decisions
     * @param changedCases   the first 100 changed decisions: input, logged output, draft output
     */
    public record Replay(int days, int decisions, int changed, Map<String, BigDecimal> moneyChange, List<Change> changedCases) {

        /** "Fee would rise by CNY 137.13 on 3 decisions", one line per money output that changes. */
        public List<String> moneySentences() {
            return moneyChange.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                    .map(e -> Character.toUpperCase(ScenarioSheet.label(e.getKey()).charAt(0)) + ScenarioSheet.label(e.getKey()).substring(1)
                            + (e.getValue().signum() > 0 ? " would rise by " : " would drop by ")
                            + org.ticketops.web.Display.money(e.getValue().abs()) + " on " + changed + " decision" + (changed == 1 ? "" : "s"))
                    .toList();
        }
    }

    public record Change(String decidedAt, int loggedVersion, Map<String, Object> input, Map<String, Object> logged,
                         Map<String, Object> draft) {

        /** The input as a manager reads it: "request type EXCHANGE, reason EVENT_CANCELLED, ...". */
        public String inputText() {
            return text(input, input.keySet());
        }

        /** The outputs that differ, as logged. */
        public String loggedText() {
            return text(logged, differing());
        }

        /** The outputs that differ, as the draft decides them. */
        public String draftText() {
            return text(draft, differing());
        }

        private java.util.Set<String> differing() {
            java.util.Set<String> fields = new java.util.LinkedHashSet<>(draft.keySet());
            fields.addAll(logged.keySet());
            fields.removeIf(f -> java.util.Objects.equals(String.valueOf(logged.get(f)), String.valueOf(draft.get(f))));
            return fields;
        }

        private static String text(Map<String, Object> values, java.util.Collection<String> fields) {
            return String.join(", ", fields.stream().map(f -> ScenarioSheet.label(f) + " "
                    + (values.get(f) == null ? "(none)" : String.valueOf(values.get(f)))).toList());
        }
    }
}
