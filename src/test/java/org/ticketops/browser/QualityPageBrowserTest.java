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
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** olivia opens /quality: the figures and every chart are drawn (ECharts from the jar, nothing from outside). */
@TicketOpsTest
class QualityPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ComplaintService complaints;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "quality-last");
            browser.quit();
        }
    }

    @Test
    void oliviaSeesTheChartsDrawn() {
        complaints.submit(new NewComplaint(data.customer(MemberTier.NONE).id(), null, null, ComplaintEnums.Channel.PHONE,
                ComplaintCategory.EVENT_QUALITY, ComplaintSeverity.MEDIUM, "Sound was bad"), "amy");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/quality");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("olivia");
        browser.findElement(By.name("password")).sendKeys("olivia");
        browser.findElement(By.xpath("//button[normalize-space(.)='Log in']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-category canvas")));
        for (String chart : new String[]{"category", "severity", "rootcause", "channel", "week", "satisfaction", "nps"}) {
            assertThat(browser.findElements(By.cssSelector("#chart-" + chart + " canvas"))).as(chart).isNotEmpty();
        }
        assertThat(browser.findElement(By.id("figures")).getText()).contains("First response on time").contains("NPS");
        Chromium.screenshot(browser, "quality-page");
    }
}
