package org.ticketops.inventory;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.CaseDefinition;

/** A write-off as a case: PENDING (above the limit: until finance decides), then POSTED or REFUSED. */
@Component
class WriteOffCase implements CaseDefinition {

    static final String TYPE = "WRITE_OFF";
    static final String PROCESS_KEY = "inventoryWriteOff";
    static final String PENDING = "PENDING";
    static final String POSTED = "POSTED";
    static final String REFUSED = "REFUSED";

    static String businessKey(long id) {
        return CaseDefinition.number("WO", id);
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
        return PENDING;
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return Map.of(PENDING, Set.of(POSTED, REFUSED));
    }
}
