package org.ticketops.pricechange;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.catalog.ShowRescheduled;

/**
 * A show cancelled or moved (committed): its open price changes that can no longer apply before it starts end
 * OBSOLETE, each through its process, in a transaction of its own.
 */
@Component
class ShowRescheduledListener {

    private final PriceChangeService changes;
    private final TransactionTemplate fresh;

    ShowRescheduledListener(PriceChangeService changes, PlatformTransactionManager transactions) {
        this.changes = changes;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void rescheduled(ShowRescheduled event) {
        fresh.executeWithoutResult(status -> changes.obsoleteFor(event.show()));
    }
}
