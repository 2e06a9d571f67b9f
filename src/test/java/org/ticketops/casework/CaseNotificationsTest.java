package org.ticketops.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.notification.Notification;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Every process declares its messages in its case definition, and the kernel sends nothing else. */
@TicketOpsTest
class CaseNotificationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Autowired
    List<CaseDefinition> definitions;
    @Autowired
    CaseNotifications notifications;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TransactionTemplate tx;

    @Test
    void everyDeclaredTemplateExistsAndUsesOnlyDeclaredFields() throws IOException {
        assertThat(definitions).extracting(CaseDefinition::type).contains("REFUND_REQUEST");
        for (CaseDefinition definition : definitions) {
            for (var declared : definition.notificationTemplates().entrySet()) {
                String file = "notification-templates/" + declared.getKey() + ".txt";
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                    assertThat(in).as(file + " of " + definition.type()).isNotNull();
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(text).as(file).startsWith("Subject: ");
                    Set<String> used = new TreeSet<>();
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                    assertThat(declared.getValue()).as("fields declared for " + file).containsAll(used);
                }
            }
        }
    }

    @Test
    void anUndeclaredTemplateOrAMissingFieldIsRefusedAndNothingIsQueued() {
        CaseDefinition refunds = definitions.stream().filter(d -> d.type().equals("REFUND_REQUEST")).findFirst().orElseThrow();
        String subject = TestData.unique("n");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> notifications.enqueue(refunds, subject,
                Notification.Channel.EMAIL, "a@example.com", "welcome-aboard", Map.of(), subject + "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not declared");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> notifications.enqueue(refunds, subject,
                Notification.Channel.EMAIL, "a@example.com", "refund-withdrawn", Map.of("requestId", 1), subject + "-2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerName");
        assertThat(outbox.of("REFUND_REQUEST", subject)).isEmpty();

        Boolean queued = tx.execute(s -> notifications.enqueue(refunds, subject, Notification.Channel.EMAIL, "a@example.com",
                "refund-withdrawn", Map.of("requestId", 1, "customerName", "Chen Jing", "orderId", 2, "type", "REFUND"),
                subject + "-3"));
        assertThat(queued).isTrue();
        assertThat(outbox.of("REFUND_REQUEST", subject)).extracting(Notification::template).containsExactly("refund-withdrawn");
    }
}
