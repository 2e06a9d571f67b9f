package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

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
import org.ticketops.performance.Cycle;
import org.ticketops.performance.PerformanceCycles;
import org.ticketops.support.Engine;
import org.ticketops.support.TicketOpsTest;

/**
 * The self-assessment in the real Tasklist: amy sees her own review (her KPIs as a table and how each was computed),
 * not carl's, scores herself and completes it.
 */
@TicketOpsTest
class TasklistPerformanceBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    PerformanceCycles cycles;
    @Autowired
    Engine jobs;
    @Autowired
    TaskService tasks;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "tasklist-performance-last");
            browser.quit();
        }
    }

    @Test
    void amyAssessesHerselfSeeingOnlyHerOwnReview() {
        YearMonth period = YearMonth.of(1970, 1).plusMonths(ThreadLocalRandom.current().nextInt(600));
        while (cycles.cycleOf(period).isPresent()) {
            period = period.plusMonths(1);
        }
        Cycle cycle = cycles.start(period, "hanna");
        jobs.executeJobs(cycle.processInstanceId());
        Task task = tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).taskAssignee("amy").singleResult();
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        Chromium.logInToCamunda(browser, wait, tasklist, "amy");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Performance review of amy"));
        String form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        assertThat(form).contains("Tasks completed", "Deadlines breached", "How each KPI was computed", "Results", "Attitude");
        assertThat(browser.findElements(By.cssSelector(".fjs-container table"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Self-assessment · carl");
        Chromium.screenshot(browser, "tasklist-self-assessment");

        for (String dimension : new String[]{"Results", "Attitude", "Ability"}) {
            Chromium.click(browser, wait, By.xpath("//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.),'"
                    + dimension + "')]]//label[normalize-space(.)='4']"));
        }
        By comments = By.xpath("//label[starts-with(normalize-space(.),'Comments')]/following::textarea[1]");
        Chromium.type(browser, wait, comments, "Took over the weekend shifts");
        wait.until(d -> "Took over the weekend shifts".equals(d.findElement(comments).getDomProperty("value")));
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(tasks.createTaskQuery().processInstanceId(cycle.processInstanceId()).taskDefinitionKey("managerReview")
                .count()).isEqualTo(1);
    }
}
