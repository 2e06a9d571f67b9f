package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.notification.Notification;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.notification.NotificationSender;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** A member of staff opens /demo/mailbox and reads the e-mail a customer was sent, shown as text. */
@TicketOpsTest
class DemoMailboxBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationSender sender;
    @Autowired
    TransactionTemplate transactions;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "demo-mailbox");
            browser.quit();
        }
    }

    @Test
    void staffReadTheSentEmailsAsText() {
        String to = TestData.unique("mailbox").replace(" ", "") + "@example.cn";
        String name = "Wang Fang <script>document.title='pwned'</script>";
        transactions.executeWithoutResult(s -> outbox.enqueue(Notification.Channel.EMAIL, to, "refund-completed",
                Map.of("customerName", name, "requestId", 812, "orderId", 4711, "refundAmount", "1,234.00", "fees", "0.00"),
                "TEST", to, to));
        sender.sendDue();

        browser.get("http://amy:amy@localhost:" + port + "/demo/mailbox");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.getTitle()).isEqualTo("Demo mailbox · TicketOps");
        assertThat(page).contains("Your refund for order 4711 is on its way", "To " + to, "CNY 1,234.00",
                "Dear Wang Fang <script>document.title='pwned'</script>");
    }
}
