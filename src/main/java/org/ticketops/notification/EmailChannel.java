package org.ticketops.notification;

import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail over SMTP ({@code spring.mail.*}); available when a mail server is configured. Each
 * notification's message has its own Message-ID, the same each time it is sent, so a message sent again after its
 * sender died is the same message to the mail server and the customer's mail client.
 */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void send(String recipient, RenderedMessage message, long notificationId) throws MessagingException {
        JavaMailSender sender = mail.getObject();
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        String messageId = messageId(notificationId);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // not the random one JavaMail makes up for every send
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(recipient);
        helper.setSubject(message.subject());
        helper.setText(message.body());
        sender.send(mime);
    }

    /** {@code <notification-ID@DOMAIN>}, the domain the sender's address's. */
    String messageId(long notificationId) {
        String domain = "ticketops.invalid";
        try {
            String address = new InternetAddress(properties.from()).getAddress();
            if (address != null && address.indexOf('@') > 0) {
                domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            // keep the placeholder domain; the address itself is checked where it is used
        }
        return "<notification-" + notificationId + "@" + domain + ">";
    }
}
