package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRequestDetails;
import org.ticketops.refund.RefundRequestStatus;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** amy logs into the real Tasklist in headless Chromium, opens the review task, sees the fee lines and approves. */
@TicketOpsTest
class TasklistReviewBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    RefundService refunds;
    @Autowired
    org.ticketops.refund.RefundRegistration registration;
    @Autowired
    TaskService tasks;
    @Autowired
    Engine engine;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "tasklist-review-last");
            browser.quit();
        }
    }

    private void click(WebDriverWait wait, By target) {
        Chromium.click(browser, wait, target);
    }

    @Test
    void amyReviewsARefundInTheTasklistAndTheRequestCompletes() {
        Customer customer = data.customer(MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(12));
        TicketCategory category = data.category(show, TicketType.STANDARD, "380.00", 20);
        OrderDetails order = data.order(customer, category, 1);
        RefundRequestDetails request = registration.open(new NewRefundRequest(order.order().id(),
                order.tickets().stream().map(t -> t.id()).toList(), RefundRequestType.REFUND,
                RefundReason.TICKET_DEFECT, null, "Barcode does not scan"), "sam", null);
        Task task = tasks.createTaskQuery().processInstanceId(request.request().processInstanceId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("reviewRefund");

        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.logInToCamunda(browser, wait, tasklist, "amy");
        Chromium.screenshot(browser, "tasklist-logged-in");

        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Refund request R-" + String.format("%06d", request.request().id())));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        Chromium.screenshot(browser, "tasklist-review-form");
        long ticketId = request.feeLines().get(0).ticketId();
        // labels, not enum names; amounts with their currency; days, not hours, before the show
        assertThat(page).contains("Ticket " + ticketId + " · Standard · paid CNY 380.00").contains("refund CNY 380.00")
                .contains("days before the show").contains("Reason: Ticket defect").contains("a ticket defect is claimed")
                .doesNotContain("TICKET_DEFECT").doesNotContain("STANDARD");

        click(wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        click(wait, By.xpath("//label[normalize-space(.)='Approve']"));
        Chromium.screenshot(browser, "tasklist-review-approve");
        click(wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        Chromium.screenshot(browser, "tasklist-review-done");

        engine.executeJobs(request.request().processInstanceId());
        RefundRequestDetails done = refunds.details(request.request().id());
        assertThat(done.request().status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(done.trail()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("REVIEW_APPROVE");
            assertThat(e.actor()).isEqualTo("amy");
        });
        assertThat(done.payments()).hasSize(1);
    }
}
