package org.ticketops.decision;

import java.time.Instant;

/** A version to be put in force at a set time: PENDING until then, DONE once in force, or CANCELLED before. */
public record ScheduledActivation(Long id, String tableName, int version, Instant activateAt, String comment,
                                  String scheduledBy, Instant scheduledAt, String status, Instant doneAt) {
}
