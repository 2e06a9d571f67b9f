package org.ticketops.complaint;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.casework.CaseClosed;

/**
 * A refund request closed (committed): the complaint that started it, waiting for it, goes on to the customer's
 * confirmation, in a transaction of its own.
 */
@Component
class RefundSettledListener {

    private final ComplaintRemedies complaints;
    private final TransactionTemplate fresh;

    RefundSettledListener(ComplaintRemedies complaints, PlatformTransactionManager transactions) {
        this.complaints = complaints;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void closed(CaseClosed event) {
        if (!org.ticketops.refund.RefundService.SUBJECT.equals(event.caseType())) {
            return;
        }
        complaints.waitingFor(event.caseId()).ifPresent(id -> fresh.executeWithoutResult(s -> complaints.notifyRefundSettled(id)));
    }
}
