package org.ticketops.pricechange;

/** Why a price changes. */
public enum PriceChangeReason {
    MARKET, COST, COMPETITOR, PROMOTION
}
