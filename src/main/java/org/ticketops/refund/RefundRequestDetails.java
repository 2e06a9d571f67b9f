package org.ticketops.refund;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ticketops.audit.AuditEvent;
import org.ticketops.billing.CreditNote;
import org.ticketops.casework.CaseTransition;
import org.ticketops.sales.Payment;

/**
 * A request with its fee lines, the money that moved, its credit note, its decision trail and every status
 * change of its case.
 */
public record RefundRequestDetails(@JsonUnwrapped RefundRequest request, String customerName, List<FeeLine> feeLines,
                                   List<Payment> payments, CreditNote creditNote, List<AuditEvent> trail,
                                   List<CaseTransition> transitions) {

    /** Where the decisions taken for this request are listed (fees, review, credit), with their table versions. */
    @com.fasterxml.jackson.annotation.JsonProperty("decisionLog")
    public String decisionLog() {
        return "/api/decision-log?processInstanceId=" + request.processInstanceId();
    }
}
