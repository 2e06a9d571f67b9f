package org.ticketops.notification;

/**
 * One way to reach a customer (e-mail, SMS, ...). The sender delivers a channel's messages only while
 * {@link #available()}; messages of a channel that is not configured wait in the outbox.
 */
public interface NotificationChannel {

    Notification.Channel channel();

    boolean available();

    /** Delivers one message; throws when it could not be delivered (the sender retries later). */
    void send(String recipient, RenderedMessage message) throws Exception;

    /** A message ready to send: subject and plain-text body. */
    record RenderedMessage(String subject, String body) {
    }
}
