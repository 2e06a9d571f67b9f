package org.ticketops.cancellation;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;

/**
 * A show's cancellation as a case: REFUNDING while its batches start refund requests, COMPLETED when every
 * paid order has one. Started by the system when staff cancel a show (no Tasklist start, no user task).
 */
@Component
public class ShowCancellationCase implements CaseDefinition {

    public static final String TYPE = "SHOW_CANCELLATION";
    public static final String PROCESS_KEY = "showCancellation";
    static final String REFUNDING = "REFUNDING";
    static final String COMPLETED = "COMPLETED";

    private final ShowCancellationMapper cancellations;

    ShowCancellationCase(ShowCancellationMapper cancellations) {
        this.cancellations = cancellations;
    }

    /** {@code SC-000042}: the cancellation of show 42. */
    static String businessKey(long showId) {
        return CaseDefinition.number("SC", showId);
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
        return REFUNDING;
    }

    @Override
    public Map<String, Set<String>> transitions() {
        return Map.of(REFUNDING, Set.of(COMPLETED));
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return Map.of("show-cancelled", Set.of("customerName", "eventName", "venue", "showStartsAt", "orderId",
                "requestNumber"));
    }

    @Override
    public String outcome(Case opened) {
        return cancellations.findByShow(Long.parseLong(opened.businessKey().substring(3)))
                .map(c -> opened.businessKey() + ": " + c.refundsStarted() + " of " + c.ordersTotal()
                        + " paid order(s) have a refund request" + (c.ordersSkipped() > 0 ? ", " + c.ordersSkipped()
                        + " already had one" : "") + (COMPLETED.equals(opened.status()) ? "; done." : "; in progress."))
                .orElseGet(() -> CaseDefinition.super.outcome(opened));
    }
}
