package org.ticketops.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo's mail server: a real SMTP server in the JVM (GreenMail) on a free port, with Spring Mail
 * pointed at it, so notifications are really delivered over SMTP and can be read at {@code /demo/mailbox}.
 * Only with demo data and when no {@code spring.mail.host} is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(DemoMailbox.CONDITION)
public class DemoMailbox {

    static final String CONDITION = "${ticketops.demo.enabled:false} and '${spring.mail.host:}'.isEmpty()";

    /** A received message as the page and tests read it. */
    public record Mail(String to, String subject, String body, java.util.Date received, String messageId) {
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer() {
        return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    JavaMailSender demoMailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    @Bean
    Inbox demoInbox(GreenMail demoSmtpServer) {
        return new Inbox(demoSmtpServer);
    }

    /** What the demo SMTP server received, newest first. */
    public static class Inbox {
        private final GreenMail server;

        Inbox(GreenMail server) {
            this.server = server;
        }

        public List<Mail> messages() {
            List<Mail> mails = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) {
                try {
                    mails.add(new Mail(String.join(", ", List.of(message.getAllRecipients()).stream().map(Object::toString)
                            .toList()), message.getSubject(), String.valueOf(message.getContent()).strip(),
                            message.getReceivedDate(), message.getMessageID()));
                } catch (MessagingException | java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            mails.sort(Comparator.comparing(Mail::received, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
            return mails;
        }

        public List<Mail> to(String recipient) {
            return messages().stream().filter(m -> m.to().contains(recipient)).toList();
        }
    }

    @Controller
    @ConditionalOnExpression(CONDITION)
    static class MailboxPage {
        private final Inbox inbox;

        MailboxPage(Inbox inbox) {
            this.inbox = inbox;
        }

        @GetMapping("/demo/mailbox")
        String mailbox(Model model) {
            model.addAttribute("mails", inbox.messages());
            return "demo/mailbox";
        }
    }
}
