package org.ticketops.sales;

/** How many tickets of one category an order buys. */
public record OrderLine(long categoryId, int quantity) {
}
