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
 * report, so a message exists exactly when its change does. A sender (mail, SMS) reads the unsent ones
 * and marks them sent. Writing the same idempotency key twice keeps the first message.
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

    public List<Notification> unsent(int limit) {
        return notifications.findUnsent(limit);
    }

    @Transactional
    public boolean markSent(long id) {
        return notifications.markSent(id, clock.instant()) == 1;
    }
}
