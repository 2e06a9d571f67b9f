package org.ticketops.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox every process writes customer messages to, in the same transaction as the change they
 * report, so a message exists exactly when its change does. {@link NotificationSender} delivers them. Writing the same idempotency key twice keeps the first message.
 */
@Service
public class NotificationOutbox {

    private final NotificationMapper notifications;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationOutbox(NotificationMapper notifications, ObjectMapper json, Clock clock) {
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a message; returns false when one with this key is already there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Notification.Channel channel, String recipient, String template, Map<String, ?> payload,
                           String subjectType, Object subjectId, String idempotencyKey) {
        if (notifications.countByKey(idempotencyKey) > 0) {
            return false;
        }
        try {
            notifications.insert(channel, recipient, template, json.writeValueAsString(payload), subjectType,
                    String.valueOf(subjectId), idempotencyKey, clock.instant());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Payload of " + template + " is not JSON-serialisable", e);
        }
    }

    public List<Notification> of(String subjectType, Object subjectId) {
        return notifications.findBySubject(subjectType, String.valueOf(subjectId));
    }

    public Notification get(long id) {
        Notification notification = notifications.find(id);
        if (notification == null) {
            throw new org.ticketops.web.NotFound("notification", id);
        }
        return notification;
    }

    /** The newest messages in a status (FAILED: the ones admins look at). */
    public List<Notification> withStatus(Notification.Status status, int limit) {
        return notifications.findByStatus(status.name(), limit);
    }

    /** Puts a FAILED message back in the queue for a fresh round of attempts. */
    @Transactional
    public Notification retry(long id) {
        Notification notification = get(id);
        if (notifications.retry(id, clock.instant()) != 1) {
            throw new NotRetryable(id, notification.status());
        }
        return get(id);
    }

    /** Only a FAILED message can be retried: 409. */
    static class NotRetryable extends org.ticketops.web.ProblemException {
        NotRetryable(long id, Notification.Status status) {
            super(org.ticketops.web.ProblemException.Kind.CONFLICT, "NOTIFICATION_NOT_FAILED", "Not failed",
                    "Notification " + id + " is " + status + "; only a FAILED one can be retried.");
        }
    }
}
