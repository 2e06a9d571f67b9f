package org.ticketops.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param senderEnabled whether this node delivers the outbox (every node may; a lease keeps them apart)
 * @param pollInterval  how often the sender looks for due messages
 * @param maxAttempts   attempts before a message is FAILED
 * @param backoff       the wait after the first failed attempt; it doubles after each further one
 * @param lease         how long a sender holds a message it took; after that another node may take it
 * @param from          the sender address of e-mails
 */
@ConfigurationProperties("ticketops.notifications")
public record NotificationProperties(@DefaultValue("true") boolean senderEnabled,
                                     @DefaultValue("PT10S") Duration pollInterval,
                                     @DefaultValue("5") int maxAttempts,
                                     @DefaultValue("PT1M") Duration backoff,
                                     @DefaultValue("PT5M") Duration lease,
                                     @DefaultValue("TicketOps <no-reply@ticketops.example>") String from) {
}
