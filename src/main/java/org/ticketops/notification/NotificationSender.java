package org.ticketops.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.audit.AuditTrail;

/**
 * Delivers the outbox. Each due message is first claimed with a conditional update (a lease of
 * {@code ticketops.notifications.lease}), so of any number of senders on any number of nodes exactly one
 * takes it; then it is sent outside any transaction and marked SENT by the sender that holds it. A
 * failed attempt is retried after {@code backoff}, doubling each time, and after {@code max-attempts}
 * the message is FAILED (listed at {@code GET /api/notifications?status=FAILED}, retried by an admin).
 * The audit trail of the message's subject says when it was sent or failed.
 */
@Component
public class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationMapper notifications;
    private final Map<Notification.Channel, NotificationChannel> channels;
    private final NotificationTemplates templates;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String name;

    @org.springframework.beans.factory.annotation.Autowired
    NotificationSender(NotificationMapper notifications, List<NotificationChannel> channels, NotificationTemplates templates,
                       NotificationProperties properties, AuditTrail audit, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this(notifications, channels, templates, properties, audit, clock, transactionManager,
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    NotificationSender(NotificationMapper notifications, List<NotificationChannel> channels, NotificationTemplates templates,
                       NotificationProperties properties, AuditTrail audit, Clock clock,
                       PlatformTransactionManager transactionManager, String name) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::channel, Function.identity()));
        this.templates = templates;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.name = name;
    }

    @Scheduled(fixedDelayString = "${ticketops.notifications.poll-interval:PT10S}",
            initialDelayString = "${ticketops.notifications.poll-interval:PT10S}")
    void poll() {
        if (properties.senderEnabled()) {
            sendDue();
        }
    }

    /** Sends what is due now on the available channels; returns how many this sender delivered. */
    public int sendDue() {
        List<Notification.Channel> ready = channels.values().stream().filter(NotificationChannel::available)
                .map(NotificationChannel::channel).toList();
        if (ready.isEmpty()) {
            return 0;
        }
        int sent = 0;
        Instant now = clock.instant();
        for (Long id : notifications.findDue(ready, now, 100)) {
            if (notifications.claim(id, name, now, now.plus(properties.lease())) == 1 && deliver(notifications.find(id))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(Notification message) {
        try {
            channels.get(message.channel()).send(message.recipient(), templates.render(message.template(), message.payload()),
                    message.id());
        } catch (Exception e) {
            failed(message, e);
            return false;
        }
        boolean marked = Boolean.TRUE.equals(transactions.execute(status -> {
            if (notifications.markSent(message.id(), name, clock.instant()) != 1) {
                return false;
            }
            audit.record("system", "NOTIFICATION_SENT", message.subjectType(), message.subjectId(),
                    message.template() + " sent by " + message.channel().name().toLowerCase() + " to " + message.recipient());
            return true;
        }));
        if (marked) {
            return true;
        }
        log.warn("Notification {} was sent, but its lease had passed to another sender", message.id());
        return false;
    }

    private void failed(Notification message, Exception e) {
        int attempts = message.attempts() + 1;
        String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
        error = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= properties.maxAttempts()) {
            String reason = error;
            transactions.executeWithoutResult(status -> {
                if (notifications.markFailedAttempt(message.id(), name, Notification.Status.FAILED.name(), clock.instant(),
                        reason) == 1) {
                    audit.record("system", "NOTIFICATION_FAILED", message.subjectType(), message.subjectId(),
                            message.template() + " could not be sent after " + attempts + " attempts: " + reason);
                }
            });
            log.warn("Notification {} FAILED after {} attempts: {}", message.id(), attempts, error);
        } else {
            Duration wait = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            notifications.markFailedAttempt(message.id(), name, Notification.Status.PENDING.name(),
                    clock.instant().plus(wait), error);
            log.info("Notification {} attempt {} failed ({}); next in {}", message.id(), attempts, error, wait);
        }
    }
}
