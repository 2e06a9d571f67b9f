package org.ticketops.decision;

/** Which version of which table took a decision: its number and the SHA-256 of its file. */
public record TableVersionRef(String table, int version, String contentHash) {
}
