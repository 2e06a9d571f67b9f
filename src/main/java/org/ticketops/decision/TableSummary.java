package org.ticketops.decision;

import java.time.Instant;

/** A decision table and its version in force. */
public record TableSummary(String name, String title, int activeVersion, String contentHash, String activatedBy,
                           Instant activatedAt, int versions) {
}
