package org.ticketops.catalog;

import java.math.BigDecimal;

/** A price level of a show, with how many tickets it has and how many are still for sale. */
public record TicketCategory(Long id, Long showId, String name, TicketType type, BigDecimal price, int capacity,
                             int available) {
}
