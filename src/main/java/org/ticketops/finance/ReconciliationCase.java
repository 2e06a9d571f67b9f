package org.ticketops.finance;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.CaseDefinition;

/** A reconciled business day: RECONCILED, RESOLVED once every mismatch has a resolution, CLOSED when signed off. */
@Component
public class ReconciliationCase implements CaseDefinition {

    public static final String TYPE = "RECONCILIATION_DAY";
    public static final String PROCESS_KEY = "dailyReconciliation";
    static final String RECONCILED = "RECONCILED";
    static final String RESOLVED = "RESOLVED";
    static final String CLOSED = "CLOSED";

    static String businessKey(java.time.LocalDate day) {
        return "RD-" + day;
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
        return RECONCILED;
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return Map.of(RiskWarnings.TEMPLATE, RiskWarnings.FIELDS);
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return Map.of(RECONCILED, Set.of(RESOLVED, CLOSED), RESOLVED, Set.of(CLOSED));
    }
}
