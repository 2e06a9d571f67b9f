package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.monitor.MonitorFold;
import org.ticketops.support.TicketOpsTest;

/**
 * A process owner (olivia) opens /monitor: the overview, one process with its charts, tasks, groups and slowest
 * instances, and the service-quality KPIs; then the same figures as a heatmap on the diagram in Cockpit.
 */
@TicketOpsTest
class MonitorBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    MonitorFold fold;
    WebDriver browser;
    WebDriverWait wait;

    static boolean seeded;

    @BeforeEach
    void startBrowserWithHistory() throws Exception {
        if (!seeded) {
            seeded = true;
            seed();
        }
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void seed() {
        org.ticketops.monitor.MonitorProbe.deploy(repository, "monitorProbeBrowser");
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) { // over the last three weeks, each task done after 1 to 34 hours
            ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(20 - i)).minus(Duration.ofHours(36))));
            String id = runtime.startProcessInstanceByKey("monitorProbeBrowser").getId();
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1 + (i * 7) % 34))));
            tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId(), Map.of("approved", i % 3 != 0));
        }
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofHours(30))));
        runtime.startProcessInstanceByKey("monitorProbeBrowser"); // open for 30 h
        ClockUtil.reset();
        runtime.startProcessInstanceByKey("monitorProbeBrowser"); // just opened
        fold.fold();
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            Chromium.screenshot(browser, "monitor-last");
            browser.quit();
        }
    }

    @Test
    void oliviaSeesTheOverviewOneProcessAndTheKpis() {
        browser.get("http://localhost:" + port + "/monitor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("olivia");
        browser.findElement(By.name("password")).sendKeys("olivia");
        browser.findElement(By.xpath("//button[normalize-space(.)='Log in']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-trend-p90 canvas")));
        assertThat(browser.findElement(By.id("overview")).getText()).contains("Monitor probe").contains("Refund");
        assertThat(browser.findElements(By.cssSelector("#chart-trend-volume canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#kpis article"))).hasSize(6);
        assertThat(browser.findElement(By.id("group-waits")).getText()).contains("monitor-probe-desk");
        assertThat(browser.findElements(By.cssSelector("#chart-kpi-refundOnTime canvas"))).isNotEmpty();
        Chromium.screenshot(browser, "monitor-overview");

        browser.findElement(By.linkText("Monitor probe")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-histogram canvas")));
        assertThat(browser.findElements(By.cssSelector("#chart-process-trend canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-groups canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#tasks tr.bottleneck")).getText()).contains("Check it");
        assertThat(browser.findElement(By.id("groups")).getText()).contains("monitor-probe-desk");
        assertThat(browser.findElements(By.cssSelector("#slowest tbody tr a"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(browser.findElements(By.cssSelector("#overview tbody tr"))).as("only the chosen process").hasSize(1);
        Chromium.screenshot(browser, "monitor-process");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('tasks').scrollIntoView()");
        Chromium.screenshot(browser, "monitor-process-tasks");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('kpis').scrollIntoView()");
        Chromium.screenshot(browser, "monitor-kpis");
    }

    @Test
    void cockpitDrawsTheHeatmapOnTheDiagram() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("monitorProbeBrowser").latestVersion()
                .singleResult().getId();
        Chromium.logInToCamunda(browser, wait, "http://localhost:" + port + "/camunda/app/cockpit/default/", "olivia");
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ticketops-heatmap-bar")));
        wait.until(d -> d.findElements(By.cssSelector(".ticketops-heat")).size() >= 5);
        assertThat(browser.findElements(By.cssSelector(".ticketops-heat-label"))).anySatisfy(label ->
                assertThat(label.getDomProperty("textContent")).contains("p90").contains("· 12"));
        Chromium.screenshot(browser, "monitor-cockpit-heatmap");
    }

    @Test
    void garyAcknowledgesARiskWarningWithAComment() {
        String detail = "Paid back 3,240.00 of 20,000.00 taken " + java.util.UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("INSERT INTO to_risk_warnings (business_day, indicator, subject, indicator_value, level, detail, table_version,"
                + " created_at) VALUES (?, 'REFUND_RATE_PERCENT', ?, 16.20, 'WARN', ?, 1, ?)", java.sql.Date.valueOf("2026-11-23"),
                "browser-" + detail.substring(detail.length() - 6), detail, java.sql.Timestamp.from(Instant.now()));
        browser.get("http://localhost:" + port + "/monitor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("gary");
        browser.findElement(By.name("password")).sendKeys("gary");
        browser.findElement(By.xpath("//button[normalize-space(.)='Log in']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("risks")));
        assertThat(browser.findElement(By.id("risks")).getText()).contains("Refund rate (%)").contains(detail).contains("WARN");
        Chromium.screenshot(browser, "monitor-risk-warnings");
        org.openqa.selenium.WebElement row = browser.findElement(By.xpath("//section[@id='risks']//tr[td[contains(., '" + detail + "')]]"));
        row.findElement(By.name("comment")).sendKeys("Refunds of the cancelled concert; expected");
        row.findElement(By.xpath(".//button[normalize-space(.)='Acknowledge']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("risks"), "Warning acknowledged."));
        assertThat(browser.findElement(By.id("risks")).getText()).doesNotContain(detail);
        assertThat(jdbc.queryForObject("SELECT acknowledged_by FROM to_risk_warnings WHERE detail = ?", String.class, detail))
                .isEqualTo("gary");
    }
}
