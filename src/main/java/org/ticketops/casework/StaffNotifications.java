package org.ticketops.casework;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.notification.Notification;

/**
 * Messages to staff: every member of a group who has an e-mail address, through the outbox in the caller's
 * transaction, once per member and idempotency key (a reminder, a deadline warning, a breach).
 */
@Component
public class StaffNotifications {

    private final CaseNotifications notifications;
    private final IdentityService identity;

    StaffNotifications(CaseNotifications notifications, IdentityService identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    /** Queues the message for each member of {@code group}; how many were queued now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int toGroup(CaseDefinition definition, Object subjectId, String group, String template, Map<String, ?> payload,
                       String idempotencyKey) {
        int queued = 0;
        for (User member : identity.createUserQuery().memberOfGroup(group).list()) {
            if (member.getEmail() != null && !member.getEmail().isBlank() && notifications.enqueue(definition, subjectId,
                    Notification.Channel.EMAIL, member.getEmail(), template, payload, idempotencyKey + "-" + member.getId())) {
                queued++;
            }
        }
        return queued;
    }
}
