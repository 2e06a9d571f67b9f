package org.ticketops.notification;

import java.time.Instant;

/** A message for a customer in the outbox, waiting for (or already taken by) a mail/SMS sender. */
public record Notification(Long id, Channel channel, String recipient, String template, String payload,
                           String subjectType, String subjectId, Instant createdAt, Instant sentAt) {

    public enum Channel {
        EMAIL, SMS
    }
}
