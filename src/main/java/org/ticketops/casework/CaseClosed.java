package org.ticketops.casework;

/** Published (as a Spring event) when a case moves to a status that closes it: what waits on it may go on. */
public record CaseClosed(String caseType, long caseId, String businessKey, String status) {
}
