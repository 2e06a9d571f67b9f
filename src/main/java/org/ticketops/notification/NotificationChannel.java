package org.ticketops.notification;

/**
 * One way to reach a customer (e-mail, SMS, ...). The sender delivers a channel's messages only while
 * {@link #available()}; messages of a channel that is not configured wait in the outbox.
 */
public interface NotificationChannel {

    Notification.Channel channel();

    boolean available();

    /**
     * Delivers one message; throws when it could not be delivered (the sender retries later). A message can go out
     * twice: when its sender dies after sending and before marking it sent, another sender sends it again after the
     * lease. Both go with the same {@code notificationId}, so the receiver can tell they are one message (e-mail: the
     * same Message-ID, by which mail servers and clients drop a duplicate).
     */
    void send(String recipient, RenderedMessage message, long notificationId) throws Exception;

    /** A message ready to send: subject and plain-text body. */
    record RenderedMessage(String subject, String body) {
    }
}
