package org.ticketops.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through Spring Mail over SMTP ({@code spring.mail.*}); available when a mail server is configured. */
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
    public void send(String recipient, RenderedMessage message) {
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(properties.from());
        mailMessage.setTo(recipient);
        mailMessage.setSubject(message.subject());
        mailMessage.setText(message.body());
        mail.getObject().send(mailMessage);
    }
}
