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
    }

    public record Change(String decidedAt, int loggedVersion, Map<String, Object> input, Map<String, Object> logged,
                         Map<String, Object> draft) {
    }
}
