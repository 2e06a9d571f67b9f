package org.ticketops.decision;

import java.time.Instant;

/** A stored version of a decision table: who uploaded it, when, why, and whether it is in force. */
public record TableVersion(String tableName, int version, String contentHash, String fileName, int ruleCount,
                           String uploadedBy, Instant uploadedAt, String comment, boolean active) {

    public TableVersionRef ref() {
        return new TableVersionRef(tableName, version, contentHash);
    }
}
