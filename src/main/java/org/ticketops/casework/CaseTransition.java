package org.ticketops.casework;

import java.time.Instant;

/** One status change of a case: from (null when it was opened), to, when, by whom and why. */
public record CaseTransition(Long id, Long caseId, String fromStatus, String toStatus, Instant occurredAt, String actor,
                             String reason) {
}
