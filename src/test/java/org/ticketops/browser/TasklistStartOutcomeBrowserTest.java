package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.RefundRequest;
import org.ticketops.refund.RefundRequestStatus;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * amy starts a refund from the Tasklist start form and, instead of only "The process has been started",
 * reads the request's number and outcome: the refund, the fees and that it waits for a review.
 */
@TicketOpsTest
class TasklistStartOutcomeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    RefundService refunds;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "tasklist-start-last");
            browser.quit();
        }
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void click(WebDriverWait wait, By target) {
        Chromium.click(browser, wait, target);
    }

    private void type(WebDriverWait wait, By target, String text) {
        Chromium.type(browser, wait, target, text);
    }

    @Test
    void cockpitCarriesTheTicketOpsNameAndALinkToTheDesk() {
        String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.logInToCamunda(browser, wait, cockpit, "olivia");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticketops-desk-link"))).getDomAttribute("href"))
                .isEqualTo("/desk");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        Chromium.screenshot(browser, "cockpit-branded");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("TicketOps");
    }

    @Test
    void amyStartsARefundFromTheStartFormAndReadsItsNumberAndOutcome() {
        Customer customer = data.customer(MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(12));
        TicketCategory category = data.category(show, TicketType.STANDARD, "380.00", 20);
        OrderDetails order = data.order(customer, category, 1);
        String tickets = order.tickets().stream().map(t -> String.valueOf(t.id())).collect(Collectors.joining(","));

        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Chromium.logInToCamunda(browser, wait, tasklist, "amy");

        // the webapps carry the TicketOps name and a link to the desk; the vendor's end-of-life banner is hidden
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticketops-desk-link"))).getDomAttribute("href"))
                .isEqualTo("/desk");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        assertThat(browser.getTitle()).contains("TicketOps");
        click(wait, By.xpath("//*[self::a or self::button][contains(normalize-space(.), 'Start process')]"));
        click(wait, By.xpath("//a[normalize-space(.)='Refund or exchange']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        type(wait, By.cssSelector(".fjs-container input[name='orderId'], .fjs-container input[id$='orderIdField']"),
                String.valueOf(order.order().id()));
        type(wait, By.cssSelector(".fjs-container input[name='ticketIds'], .fjs-container input[id$='ticketIdsField']"), tickets);
        // the reason: form-js draws its own drop-down list, opened and chosen with the mouse
        WebElement select = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select .fjs-input-group")));
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", select);
        WebElement defect = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='Ticket defect']")));
        js().executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", defect);
        Chromium.screenshot(browser, "tasklist-start-form");
        click(wait, By.xpath("//button[normalize-space(.)='Start']"));

        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketops-started")));
        wait.until(ExpectedConditions.textToBePresentInElement(outcome, "Waits for a review"));
        Chromium.screenshot(browser, "tasklist-start-outcome");
        RefundRequest started = refunds.list(null, customer.id(), new org.ticketops.web.PageRequest(0, 1)).items().get(0);
        assertThat(started.status()).isEqualTo(RefundRequestStatus.AWAITING_REVIEW);
        assertThat(outcome.getText()).contains("Started " + String.format("R-%06d", started.id()))
                .contains("Refund CNY 380.00 after fees of CNY 0.00").contains("Waits for a review (due ");
    }
}
