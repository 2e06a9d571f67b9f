package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.pricechange.NewPriceChange;
import org.ticketops.pricechange.PriceChange;
import org.ticketops.pricechange.PriceChangeReason;
import org.ticketops.pricechange.PriceChangeService;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The price-change approval form in the real Tasklist: olivia reads the change and its impact, writes why and
 * approves; the change is announced.
 */
@TicketOpsTest
class TasklistPriceChangeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    PriceChangeService changes;
    @Autowired
    TaskService tasks;
    @Autowired
    Clock clock;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "tasklist-price-change-last");
            browser.quit();
        }
    }

    @Test
    void oliviaReadsTheImpactAndApproves() {
        Show show = data.show(data.event(), Duration.ofDays(15));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 100);
        PriceChange change = changes.submit(new NewPriceChange(category.id(), new BigDecimal("520.00"), PriceChangeReason.MARKET,
                clock.instant().plus(Duration.ofDays(3)).atOffset(ZoneOffset.ofHours(8)), "Sold faster than planned"), "sam");
        Task task = tasks.createTaskQuery().processInstanceId(change.processInstanceId()).singleResult();
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        Chromium.logInToCamunda(browser, wait, tasklist, "olivia");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Price change " + change.changeNumber()));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        Chromium.screenshot(browser, "tasklist-price-change-form");
        assertThat(page).contains("CNY 480.00 → CNY 520.00").contains("Change: +8.33 %").contains("no unit cost recorded")
                .contains("still for sale 100").contains("CNY 4,000.00").contains("Reason: Market").doesNotContain("MARKET");
        Chromium.click(browser, wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        By comment = By.cssSelector(".fjs-container textarea");
        Chromium.type(browser, wait, comment, "In line with the market");
        Chromium.click(browser, wait, By.xpath("//label[normalize-space(.)='Approve']"));
        wait.until(d -> "In line with the market".equals(d.findElement(comment).getDomProperty("value")));
        Chromium.screenshot(browser, "tasklist-price-change-typed");
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(changes.change(change.id()).status()).isEqualTo("ANNOUNCED");
    }
}
