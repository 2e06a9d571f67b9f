package org.ticketops.decision;

import java.time.Instant;

/** A decision as logged: the table and version that took it, its input and output (JSON), and when. */
public record LoggedDecision(String tableName, int tableVersion, String input, String output, Instant decidedAt) {
}
