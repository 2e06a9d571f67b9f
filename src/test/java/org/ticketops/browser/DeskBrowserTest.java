package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.RefundRequest;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.SalesService;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/** The service desk in headless Chromium: amy finds a customer and starts a refund after seeing the fees; sam sells from a quote. */
@TicketOpsTest
class DeskBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    RefundService refunds;
    @Autowired
    SalesService sales;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "desk-last");
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String user) {
        browser.get(url("/desk"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(user);
        browser.findElement(By.xpath("//button[normalize-space(.)='Log in']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query")));
    }

    @Test
    void amyFindsACustomerAndStartsARefundAfterSeeingTheFees() {
        Customer customer = data.customerNamed(TestData.unique("Zhou Xun"), MemberTier.SILVER);
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 20);
        OrderDetails order = data.order(customer, category, 2);

        logIn("amy");
        browser.findElement(By.id("query")).sendKeys(customer.name());
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(customer.name())));
        Chromium.screenshot(browser, "desk-search");
        link.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), customer.name()));
        assertThat(browser.findElements(By.id("sell"))).as("customer-service does not sell").isEmpty();
        Chromium.screenshot(browser, "desk-customer-amy");
        browser.findElement(By.linkText("Order " + order.order().id())).click();

        long ticket = order.tickets().get(0).id();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ticket-" + ticket))).click();
        new Select(browser.findElement(By.name("reason"))).selectByValue("CUSTOMER_CHOICE");
        browser.findElement(By.xpath("//button[normalize-space(.)='Show fees']")).click();
        String refundBack = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refund-total"))).getText();
        String fees = browser.findElement(By.id("fees")).getText();
        Chromium.screenshot(browser, "desk-fees");
        // silver member, 30 days before the show: the table's fee, shown before anything is registered
        assertThat(refunds.list(null, customer.id(), new PageRequest(0, 5)).totalItems()).isZero();
        assertThat(fees).contains("CNY 480.00");
        browser.findElement(By.xpath("//button[normalize-space(.)='Start request']")).click();

        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        Chromium.screenshot(browser, "desk-request");
        RefundRequest started = refunds.list(null, customer.id(), new PageRequest(0, 5)).items().get(0);
        assertThat(started.requestedBy()).isEqualTo("amy");
        assertThat(outcome.getText()).startsWith(String.format("R-%06d", started.id())).contains(refundBack);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Refund request " + String.format("R-%06d", started.id()));
        assertThat(browser.findElement(By.id("decisions")).getText()).contains("refund-fees").contains("v");
    }

    @Test
    void samSellsTicketsFromAQuote() {
        Customer customer = data.customerNamed(TestData.unique("Han Mei"), MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(25));
        TicketCategory category = data.category(show, TicketType.VIP, "1280.00", 10);

        logIn("sam");
        browser.get(url("/desk/customers/" + customer.id()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sell")));
        new Select(browser.findElement(By.name("categoryId"))).selectByValue(String.valueOf(category.id()));
        WebElement quantity = browser.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("2");
        browser.findElement(By.xpath("//button[normalize-space(.)='Quote']")).click();
        WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-total")));
        // gold member: 5 % off 2 × 1,280.00
        assertThat(total.getText()).isEqualTo("CNY 2,432.00");
        Chromium.screenshot(browser, "desk-quote");
        browser.findElement(By.xpath("//button[normalize-space(.)='Sell']")).click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("message")));
        Chromium.screenshot(browser, "desk-sold");
        assertThat(message.getText()).startsWith("Sold: order ").contains("CNY 2,432.00").contains("invoice INV-");
        long orderId = Long.parseLong(browser.findElement(By.tagName("h1")).getText().replace("Order ", ""));
        assertThat(sales.order(orderId).soldBy()).isEqualTo("sam");
        assertThat(sales.orderDetails(orderId).tickets()).hasSize(2);
    }
}
