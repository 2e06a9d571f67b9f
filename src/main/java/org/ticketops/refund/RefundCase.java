package org.ticketops.refund;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.casework.CaseDefinition;

/**
 * The refund request as a case: it is OPEN while the process works on it, waits in AWAITING_REVIEW,
 * AWAITING_APPROVAL or AWAITING_PAYMENT, and ends COMPLETED, REJECTED, WITHDRAWN or EXPIRED. Only the
 * moves below are allowed; the process's own structure (the withdrawal boundary) and this table guard it.
 */
@Component
public class RefundCase implements CaseDefinition {

    private static final Map<String, Set<String>> MOVES = Map.of(
            "OPEN", Set.of("AWAITING_REVIEW", "AWAITING_PAYMENT", "COMPLETED", "REJECTED"),
            "AWAITING_REVIEW", Set.of("OPEN", "AWAITING_APPROVAL", "REJECTED", "WITHDRAWN"),
            "AWAITING_APPROVAL", Set.of("OPEN", "REJECTED", "WITHDRAWN"),
            "AWAITING_PAYMENT", Set.of("OPEN", "WITHDRAWN", "EXPIRED"));

    /** The case's business key: {@code R-000123}. */
    static String businessKey(long requestId) {
        return String.format("R-%06d", requestId);
    }

    @Override
    public String type() {
        return RefundService.SUBJECT;
    }

    @Override
    public String processKey() {
        return RefundService.PROCESS_KEY;
    }

    @Override
    public String initialStatus() {
        return RefundRequestStatus.OPEN.name();
    }

    @Override
    public Set<String> closedStatuses() {
        return Arrays.stream(RefundRequestStatus.values()).filter(RefundRequestStatus::closed).map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return MOVES;
    }
}
