package org.ticketops.refund;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Used by the process's execution listeners, {@code ${refundStatus.set(execution, 'AWAITING_REVIEW')}}:
 * keeps the request's status in step with where its process waits.
 */
public final class RefundStatus {

    private final RefundService refunds;

    RefundStatus(RefundService refunds) {
        this.refunds = refunds;
    }

    public void set(DelegateExecution execution, String status) {
        refunds.markStatus(RefundVariables.requestId(execution), RefundRequestStatus.valueOf(status));
    }
}
