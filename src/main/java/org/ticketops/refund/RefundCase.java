package org.ticketops.refund;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;
import org.ticketops.platform.TicketOpsProperties;

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

    private static final Set<String> COMMON = Set.of("requestId", "customerName", "orderId", "type");
    private static final Map<String, Set<String>> TEMPLATES = Map.of(
            "refund-completed", with("refundAmount", "fees"),
            "exchange-completed", with("refundAmount", "fees", "newOrderId"),
            "exchange-payment-requested", with("amountDue", "payBy"),
            "exchange-expired", COMMON,
            "refund-rejected", with("rejectionCode"),
            "refund-withdrawn", COMMON,
            org.ticketops.survey.SurveyService.TEMPLATE, org.ticketops.survey.SurveyService.FIELDS);

    private final RefundMapper requests;
    private final ZoneId zone;

    RefundCase(RefundMapper requests, TicketOpsProperties ticketOps) {
        this.requests = requests;
        this.zone = ticketOps.zone();
    }

    /** The case's business key: {@code R-000123}. */
    public static String businessKey(long requestId) {
        return CaseDefinition.number("R", requestId);
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
    public Map<String, Set<String>> transitions() {
        return MOVES;
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return TEMPLATES;
    }

    /** {@code R-000123: refund CNY 3,520.00 after fees of CNY 240.00. Waits for a review (due ...).} */
    @Override
    public String outcome(Case opened) {
        RefundRequest r = requests.findByCase(opened.id()).orElse(null);
        if (r == null) {
            return CaseDefinition.super.outcome(opened);
        }
        String what = opened.businessKey() + ": " + (r.type() == RefundRequestType.REFUND ? "refund " : "exchange, back to the customer ")
                + RefundTaskContext.currency(r.totalRefund()) + " after fees of " + RefundTaskContext.currency(r.totalFee()) + ". ";
        return switch (RefundRequestStatus.valueOf(opened.status())) {
            case AWAITING_REVIEW -> what + "Waits for a review" + (opened.dueAt() == null ? "" : " (due " + time(opened.dueAt()) + ")") + ".";
            case AWAITING_APPROVAL -> what + "Waits for finance approval.";
            case AWAITING_PAYMENT -> opened.businessKey() + ": exchange; the customer pays "
                    + RefundTaskContext.currency(r.amountDue()) + " by " + time(r.paymentDeadline()) + ".";
            case OPEN -> what + "The refund is being paid.";
            case COMPLETED -> what + "Completed.";
            case REJECTED -> opened.businessKey() + ": rejected (" + RefundTaskContext.label(r.rejectionCode()) + ").";
            case WITHDRAWN -> opened.businessKey() + ": withdrawn.";
            case EXPIRED -> opened.businessKey() + ": expired.";
        };
    }

    private String time(Instant instant) {
        return org.ticketops.web.Display.time(instant, zone);
    }

    private static Set<String> with(String... fields) {
        Set<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(Set.of(fields));
        return Set.copyOf(all);
    }
}
