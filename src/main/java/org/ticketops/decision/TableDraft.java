package org.ticketops.decision;

import java.time.Instant;

/** A manager's draft of a table: the version it was made from, its file and scenarios, never in force. */
public record TableDraft(Long id, String tableName, int basedOn, String fileName, String comment, String createdBy,
                         Instant createdAt, Instant updatedAt) {
}
