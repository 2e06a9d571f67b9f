package org.ticketops.complaint;

import java.time.Instant;

/** A time the complaint waited for the customer: what was asked, and the reply. */
public record ComplaintPause(Long id, long complaintId, String asked, Instant pausedAt, Instant resumedAt, String reply) {
}
