package org.ticketops.pricechange;

/** Where a price change stands (its case status). */
public enum PriceChangeStatus {
    SUBMITTED, IN_REVIEW, ANNOUNCED, APPLIED, REJECTED, WITHDRAWN, OBSOLETE
}
