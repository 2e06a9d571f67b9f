package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCase;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.survey.SurveyService;

/**
 * A closed complaint invites its customer to a survey; on the public page (no log-in, a phone-sized window) the
 * customer answers once. The same link then says it was answered, a forged one is 404 and an expired one 410, and
 * nothing is written for them.
 */
@TicketOpsTest
class SurveyBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ComplaintService complaints;
    @Autowired
    SurveyService surveys;
    @Autowired
    TaskService tasks;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Engine engine;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    }

    @AfterEach
    void stopBrowser() {
        engine.resetClock();
        if (browser != null) {
            Chromium.screenshot(browser, "survey-last");
            browser.quit();
        }
    }

    private Complaint resolvedComplaint() {
        Customer customer = data.customer(MemberTier.SILVER);
        jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", customer.id());
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, null, ComplaintEnums.Channel.ONLINE,
                ComplaintCategory.OTHER, ComplaintSeverity.LOW, "The hotline kept me waiting"), "amy");
        for (Map<String, Object> step : List.of(
                Map.<String, Object>of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called back"),
                Map.<String, Object>of("investigationOutcome", "PROPOSED", "findings", "Peak hour", "rootCause", "PROCESS",
                        "resolution", "APOLOGY"),
                Map.<String, Object>of("satisfied", "true", "satisfactionScore", 4))) {
            Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
            tasks.setAssignee(task.getId(), "amy".equals(task.getAssignee()) ? "carl" : "carl");
            tasks.complete(task.getId(), step);
        }
        return complaint;
    }

    @Test
    void theCustomerAnswersOnceOnThePublicPage() throws Exception {
        Complaint complaint = resolvedComplaint();
        String payload = outbox.of(ComplaintCase.TYPE, complaint.id()).stream()
                .filter(n -> n.template().equals(SurveyService.TEMPLATE)).findFirst().orElseThrow().payload();
        String link = new ObjectMapper().readTree(payload).path("link").asText();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        String page = "http://localhost:" + port + "/survey/" + token;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey")));
        Chromium.screenshot(browser, "survey-form");
        Chromium.click(browser, wait, By.cssSelector("input[name='score'][value='4']"));
        Chromium.click(browser, wait, By.cssSelector("input[name='nps'][value='9']"));
        Chromium.type(browser, wait, By.name("comment"), "Quick and friendly <b>thanks</b>");
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Send']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Thank you! Your answer has been recorded."));
        Chromium.screenshot(browser, "survey-thanks");
        Map<String, Object> row = jdbc.queryForMap("SELECT score, nps, comment FROM to_surveys WHERE token = ?", token);
        assertThat(row).containsEntry("SCORE", 4).containsEntry("NPS", 9).containsEntry("COMMENT", "Quick and friendly <b>thanks</b>");

        browser.get(page);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "answered already"));
        assertThat(rest.getForEntity("/survey/" + token.replace('A', 'B').replace('a', 'b') + "x", String.class)
                .getStatusCode().value()).isEqualTo(404);

        Complaint second = resolvedComplaint();
        String other = new ObjectMapper().readTree(outbox.of(ComplaintCase.TYPE, second.id()).stream()
                .filter(n -> n.template().equals(SurveyService.TEMPLATE)).findFirst().orElseThrow().payload()).path("link").asText();
        engine.advance(Duration.ofDays(15));
        browser.get("http://localhost:" + port + "/survey/" + other.substring(other.lastIndexOf('/') + 1));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "expired"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_surveys WHERE subject_id = ? AND submitted_at IS NOT NULL",
                Long.class, String.valueOf(second.id()))).isZero();
    }
}
