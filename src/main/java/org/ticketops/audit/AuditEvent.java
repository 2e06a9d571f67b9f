package org.ticketops.audit;

import java.time.Instant;

/** A business event worth keeping: who did what to which thing, when. */
public record AuditEvent(Long id, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                         String detail) {
}
