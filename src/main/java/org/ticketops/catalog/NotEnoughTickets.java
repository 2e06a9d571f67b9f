package org.ticketops.catalog;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** A category has fewer tickets left than asked for: 409. */
public class NotEnoughTickets extends ProblemException {

    public NotEnoughTickets(TicketCategory category, int wanted) {
        super(Kind.CONFLICT, "NOT_ENOUGH_TICKETS", "Not enough tickets",
                "Category " + category.id() + " (" + category.name() + ") has " + category.available()
                        + " ticket(s) left; " + wanted + " asked for.",
                Map.of("categoryId", category.id(), "available", category.available(), "requested", wanted));
    }
}
