package org.ticketops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.audit.AuditTrail;
import org.ticketops.demo.DemoMailbox;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The outbox is delivered over real SMTP (GreenMail in the JVM), exactly once even with two senders
 * taking from it at the same moment, and a message that keeps failing ends FAILED for an admin to retry.
 */
@TicketOpsTest
class NotificationSenderTest {

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationSender sender;
    @Autowired
    NotificationMapper mapper;
    @Autowired
    NotificationTemplates templates;
    @Autowired
    List<NotificationChannel> channels;
    @Autowired
    AuditTrail audit;
    @Autowired
    DemoMailbox.Inbox inbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TestRestTemplate rest;
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
        sender.sendDue(); // deliver whatever other tests left in the outbox, so each test sees only its own
    }

    @Test
    void aQueuedMessageIsDeliveredOverSmtpAndTheTrailSaysSo() {
        String to = unique() + "@example.cn";
        String subject = enqueue(to, "refund-completed", Map.of("customerName", "Chen Jing 陈静 🎫", "requestId", 41,
                "orderId", 7, "refundAmount", "456.00", "fees", "24.00"));

        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);

        assertThat(inbox.to(to)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Your refund for order 7 is on its way");
            assertThat(mail.body()).contains("Dear Chen Jing 陈静 🎫", "CNY 456.00", "request 41");
        });
        assertThat(outbox.of("TEST", subject)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
            assertThat(n.sentAt()).isNotNull();
        });
        assertThat(audit.of("TEST", subject)).anySatisfy(e -> assertThat(e.action()).isEqualTo("NOTIFICATION_SENT"));
        assertThat(sender.sendDue()).isZero();
        assertThat(inbox.to(to)).hasSize(1);
    }

    @Test
    void twoSendersAtTheSameMomentDeliverEachMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = unique() + "@example.cn";
            recipients.add(to);
            enqueue(to, "refund-withdrawn", Map.of("customerName", "C" + i, "requestId", i, "orderId", i));
        }
        NotificationSender second = new NotificationSender(mapper, channels, templates, properties(), audit,
                Clock.systemUTC(), transactionManager, "second-node");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> counts = new ArrayList<>();
        for (NotificationSender s : List.of(sender, second)) {
            counts.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return s.sendDue();
            }));
        }
        start.countDown();
        int total = counts.get(0).get() + counts.get(1).get();
        pool.shutdown();
        assertThat(total).isGreaterThanOrEqualTo(30);
        for (String to : recipients) {
            assertThat(inbox.to(to)).as(to).hasSize(1);
        }
    }

    @Test
    void aMessageSentAgainAfterItsSenderDiedIsTheSameMessage() throws Exception {
        String to = unique() + "@example.cn";
        String subject = enqueue(to, "refund-withdrawn", Map.of("customerName", "Li Wei", "requestId", 9, "orderId", 9));
        Notification message = outbox.of("TEST", subject).get(0);
        NotificationChannel email = channels.stream().filter(c -> c.channel() == Notification.Channel.EMAIL).findFirst()
                .orElseThrow();
        // another node claims it, sends it and is killed before it marks it sent; its lease runs out
        java.time.Instant now = Clock.systemUTC().instant();
        assertThat(mapper.claim(message.id(), "killed-node", now, now.plusMillis(1))).isEqualTo(1);
        email.send(to, templates.render(message.template(), message.payload()), message.id());
        Thread.sleep(20);

        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(1);

        assertThat(outbox.of("TEST", subject)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));
        assertThat(inbox.to(to)).hasSize(2).extracting(DemoMailbox.Mail::messageId).containsOnly(
                "<notification-" + message.id() + "@ticketops.example>");
    }

    @Test
    void aMessageThatKeepsFailingIsRetriedWithBackoffThenFailedForAnAdminToRetry() {
        AtomicInteger calls = new AtomicInteger();
        String phone = "+86 " + unique();
        NotificationChannel broken = new NotificationChannel() {
            public Notification.Channel channel() {
                return Notification.Channel.SMS;
            }

            public boolean available() {
                return true;
            }

            public void send(String recipient, RenderedMessage message, long notificationId) {
                if (recipient.equals(phone)) {
                    calls.incrementAndGet();
                }
                throw new IllegalStateException("SMS gateway said no");
            }
        };
        String subject = unique();
        tx.executeWithoutResult(s -> outbox.enqueue(Notification.Channel.SMS, phone, "refund-withdrawn",
                Map.of("customerName", "X", "requestId", 1, "orderId", 1), "TEST", subject, subject));
        MovableClock clock = new MovableClock(Instant.now().plusSeconds(1));
        NotificationSender smsSender = new NotificationSender(mapper, List.of(broken), templates, properties(), audit,
                clock, transactionManager, "sms-node");

        smsSender.sendDue();
        assertThat(calls).hasValue(1);
        smsSender.sendDue();                                   // backoff: not due again yet
        assertThat(calls).hasValue(1);
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofMinutes(1L << (attempt - 1)).plusSeconds(1));
            smsSender.sendDue();
            assertThat(calls).hasValue(attempt);
        }
        Notification failed = outbox.of("TEST", subject).get(0);
        assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(5);
        assertThat(failed.lastError()).contains("SMS gateway said no");
        assertThat(audit.of("TEST", subject)).anySatisfy(e -> assertThat(e.action()).isEqualTo("NOTIFICATION_FAILED"));

        Api api = new Api(rest);
        assertThat(api.get("olivia", "/api/notifications?status=FAILED").hasStatus(200).tree().findValuesAsText("subjectId"))
                .contains(subject);
        api.get("amy", "/api/notifications").isProblem(403);
        api.post("olivia", "/api/notifications/" + failed.id() + "/retry", Map.of()).hasStatus(200);
        assertThat(outbox.get(failed.id()).status()).isEqualTo(Notification.Status.PENDING);
        assertThat(api.post("olivia", "/api/notifications/" + failed.id() + "/retry", Map.of()).isProblem(409).code())
                .isEqualTo("NOTIFICATION_NOT_FAILED");
        clock.advance(Duration.ofSeconds(1));
        smsSender.sendDue();
        assertThat(calls).hasValue(6);
    }

    private String enqueue(String to, String template, Map<String, ?> payload) {
        String subject = unique();
        tx.executeWithoutResult(s -> outbox.enqueue(Notification.Channel.EMAIL, to, template, payload, "TEST", subject,
                subject));
        return subject;
    }

    private static NotificationProperties properties() {
        return new NotificationProperties(false, Duration.ofHours(1), 5, Duration.ofMinutes(1), Duration.ofMinutes(5),
                "TicketOps <no-reply@ticketops.example>");
    }

    private static String unique() {
        return TestData.unique("n").replace(" ", "");
    }

    /** A clock a test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
