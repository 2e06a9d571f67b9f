package org.ticketops.catalog;

/** Published (as a Spring event) when a show's start or status changes: what waits on the show may end. */
public record ShowRescheduled(Show show) {
}
