package org.ticketops.refund;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables of {@code refundExchange}: the same in BPMN, forms and Java. */
final class RefundVariables {

    static final String REQUEST_ID = "requestId";
    static final String REQUEST_TYPE = "requestType";
    static final String REASON = "reason";
    static final String ORDER_ID = "orderId";
    static final String TICKET_IDS = "ticketIds";
    static final String TARGET_CATEGORY_ID = "targetCategoryId";
    static final String NOTE = "note";
    static final String ALLOWED = "allowed";
    static final String REJECTION_CODE = "rejectionCode";
    static final String REVIEW_NEEDED = "reviewNeeded";
    static final String REVIEW_REASONS = "reviewReasons";
    static final String REVIEW_DEADLINE = "reviewDeadline";
    static final String REVIEW_DUE_AT = "reviewDueAt";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String REVIEWED_BY = "reviewedBy";
    static final String LARGE_REFUND = "largeRefund";
    static final String FINANCE_DECISION = "financeDecision";
    static final String FINANCE_COMMENT = "financeComment";
    static final String APPROVED_BY = "approvedBy";
    static final String SOLD_OUT = "soldOut";
    static final String CUSTOMER_OWES = "customerOwes";
    static final String PAYMENT_DEADLINE = "paymentDeadline";
    static final String REFUND_DUE = "refundDue";
    static final String WITHDRAWN_BY = "withdrawnBy";
    static final String WITHDRAW_REASON = "withdrawReason";
    static final String REQUEST_TITLE = "requestTitle";
    static final String REQUEST_SUMMARY = "requestSummary";
    static final String FEE_SUMMARY = "feeSummary";
    static final String HISTORY_SUMMARY = "historySummary";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String PAYOUT_SUMMARY = "payoutSummary";
    static final String PAYOUT_REFERENCE = "payoutReference";

    private RefundVariables() {
    }

    /** The request id of a process instance (a whole number, whatever number type it was stored as). */
    static long requestId(VariableScope scope) {
        Object value = scope.getVariable(REQUEST_ID);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Process variable " + REQUEST_ID + " is missing");
        }
        return number.longValue();
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
