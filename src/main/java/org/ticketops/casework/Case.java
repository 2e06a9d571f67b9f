package org.ticketops.casework;

import java.time.Instant;

/** One business case that a process runs: its type, business key, process instance, status and times. */
public record Case(Long id, String caseType, String businessKey, String processInstanceId, String status,
                   String openedBy, Instant openedAt, Instant closedAt, Instant dueAt, Instant updatedAt) {
}
