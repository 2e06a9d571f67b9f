package org.ticketops.survey;

import java.time.Instant;

/** A survey invitation and, once submitted, its answer. */
public record Survey(Long id, String token, long customerId, String subjectType, String subjectId, Instant createdAt,
                     Instant expiresAt, Instant submittedAt, Integer score, Integer nps, String comment) {
}
