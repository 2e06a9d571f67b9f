package org.ticketops.catalog;

/**
 * What happens to a show's sales when it is cancelled; implemented where refunds live (the catalog does
 * not know them). Called in the transaction that cancels the show, so both happen or neither.
 */
public interface ShowCancellations {

    /** Starts refunding the show's paid orders; answers the case that does it and how many orders it refunds. */
    Started cancelled(Show show, String actor);

    /**
     * The cancellation's case and the paid orders it starts a refund request for (in batches, after this
     * answer).
     */
    record Started(String caseKey, long ordersToRefund) {
    }
}
