package org.ticketops.checkout;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a customer's counter in a presale (at 0) in a transaction of its own, before the sale counts against
 * it. Parallel first orders of one customer then only update one existing row: no two of them hold the
 * duplicate-key locks that InnoDB turns into a deadlock.
 */
@Component
class PresaleCounters {

    private final PresaleMapper presales;

    PresaleCounters(PresaleMapper presales) {
        this.presales = presales;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensure(long presaleId, long customerId) {
        if (presales.bought(presaleId, customerId) != null) {
            return;
        }
        try {
            presales.insertFirst(presaleId, customerId, 0);
        } catch (DuplicateKeyException e) {
            // a parallel order of this customer made it: it exists
        }
    }
}
