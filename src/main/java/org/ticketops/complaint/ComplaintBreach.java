package org.ticketops.complaint;

import java.time.Instant;

/** A deadline that passed, at a level. */
public record ComplaintBreach(Long id, long complaintId, ComplaintEnums.Deadline deadline, int level, Instant dueAt,
                              Instant recordedAt) {
}
