package org.ticketops.performance;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;

/**
 * A month's performance cycle as a case: REVIEWING while KPIs are collected and employees and managers score,
 * CALIBRATED once HR has calibrated the grades (acknowledgements and appeals run), CLOSED when every result is recorded.
 */
@Component
public class PerformanceCycleCase implements CaseDefinition {

    public static final String TYPE = "PERFORMANCE_CYCLE";
    public static final String PROCESS_KEY = "performanceReview";
    static final String REVIEWING = "REVIEWING";
    static final String CALIBRATED = "CALIBRATED";
    static final String CLOSED = "CLOSED";

    static String businessKey(java.time.YearMonth period) {
        return "PC-" + period;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String initialStatus() {
        return REVIEWING;
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return Map.of(REVIEWING, Set.of(CALIBRATED), CALIBRATED, Set.of(CLOSED));
    }

    @Override
    public String outcome(Case opened) {
        return "Performance cycle " + opened.businessKey().substring(3) + " started: KPIs are being collected.";
    }
}
