package org.ticketops.casework;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.notification.Notification;
import org.ticketops.notification.NotificationOutbox;

/**
 * The one way a process queues a customer message: only a template its {@link CaseDefinition} declares,
 * with every payload field the definition declares for it, in the caller's transaction (the message exists
 * exactly when the change it reports does).
 */
@Service
public class CaseNotifications {

    private final NotificationOutbox outbox;

    CaseNotifications(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /** How a message to a customer went out. */
    public enum Delivery {
        EMAIL, SMS, ALREADY_QUEUED, NO_CONTACT;

        public boolean queued() {
            return this == EMAIL || this == SMS;
        }
    }

    /**
     * Queues a message to a customer: by e-mail when they have an address, else by SMS to their phone; NO_CONTACT
     * (nothing queued) when they have neither.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery enqueueToCustomer(CaseDefinition definition, Object subjectId, String email, String phone,
                                      String template, Map<String, ?> payload, String idempotencyKey) {
        boolean byEmail = email != null && !email.isBlank();
        if (!byEmail && (phone == null || phone.isBlank())) {
            return Delivery.NO_CONTACT;
        }
        boolean queued = enqueue(definition, subjectId, byEmail ? Notification.Channel.EMAIL : Notification.Channel.SMS,
                byEmail ? email : phone, template, payload, idempotencyKey);
        return !queued ? Delivery.ALREADY_QUEUED : byEmail ? Delivery.EMAIL : Delivery.SMS;
    }

    /** Queues the message; false when one with this idempotency key is already queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(CaseDefinition definition, Object subjectId, Notification.Channel channel, String recipient,
                           String template, Map<String, ?> payload, String idempotencyKey) {
        Set<String> fields = definition.notificationTemplates().get(template);
        if (fields == null) {
            throw new IllegalArgumentException("Template '" + template + "' is not declared by the " + definition.type()
                    + " case definition");
        }
        Set<String> missing = new TreeSet<>(fields);
        missing.removeAll(payload.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Template '" + template + "' needs " + missing + " in its payload");
        }
        return outbox.enqueue(channel, recipient, template, payload, definition.type(), subjectId, idempotencyKey);
    }
}
