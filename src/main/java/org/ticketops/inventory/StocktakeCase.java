package org.ticketops.inventory;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;
import org.ticketops.identity.Groups;

/** A stocktake as a case: COUNTING until every category's count is settled, then CLOSED. */
@Component
public class StocktakeCase implements CaseDefinition {

    public static final String TYPE = "STOCKTAKE";
    public static final String PROCESS_KEY = "stocktaking";
    static final String COUNTING = "COUNTING";
    static final String CLOSED = "CLOSED";

    static String businessKey(long id) {
        return CaseDefinition.number("ST", id);
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
        return COUNTING;
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return Map.of(COUNTING, Set.of(CLOSED));
    }

    @Override
    public Set<String> dynamicCandidateGroups() {
        return Set.of(Groups.FINANCE, Groups.OPERATIONS_MANAGER);
    }

    @Override
    public String outcome(Case opened) {
        return "Stocktake " + opened.businessKey() + " started: ticket sales counts each category.";
    }
}
