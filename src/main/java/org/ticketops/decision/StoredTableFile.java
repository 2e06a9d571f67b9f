package org.ticketops.decision;

/** The file of a stored table version, for download. */
public record StoredTableFile(String fileName, byte[] content, String scenarios) {
}
