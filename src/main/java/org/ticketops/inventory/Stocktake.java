package org.ticketops.inventory;

import java.time.Instant;

/** A stocktake: its scope, who started it, and its case's number and status. */
public record Stocktake(long id, String businessKey, String status, String scope, Long showId, Long eventId,
                        String processInstanceId, String startedBy, Instant startedAt) {
}
