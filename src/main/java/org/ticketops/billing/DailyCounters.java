package org.ticketops.billing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a day's invoice counter (at 0) in a transaction of its own, before the first invoice of the day takes a
 * number from it: parallel first orders of a day then only update one existing row, and never hold the duplicate-key
 * locks that InnoDB turns into a deadlock.
 */
@Component
class DailyCounters {

    private final BillingMapper billing;

    DailyCounters(BillingMapper billing) {
        this.billing = billing;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensure(String counter) {
        try {
            billing.createCounter(counter);
        } catch (DuplicateKeyException e) {
            // created by a parallel order at the same moment: it exists
        }
    }
}
