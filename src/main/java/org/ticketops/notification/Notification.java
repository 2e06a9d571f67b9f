package org.ticketops.notification;

import java.time.Instant;

/**
 * A message for a customer in the outbox: PENDING until a sender delivers it (SENT) or gives up after
 * its attempts (FAILED, listed for admins).
 */
public record Notification(Long id, Channel channel, String recipient, String template, String payload,
                           String subjectType, String subjectId, Instant createdAt, Instant sentAt, Status status,
                           int attempts, Instant nextAttemptAt, String lastError) {

    public enum Channel {
        EMAIL, SMS
    }

    public enum Status {
        PENDING, SENT, FAILED
    }
}
