package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The acknowledge form in the real Tasklist: amy reads the complaint (the customer's words as text, markup shown as
 * typed and never run), its deadlines with the time left, records that she reached the customer, and the complaint
 * goes to the responsible group.
 */
@TicketOpsTest
class TasklistComplaintBrowserTest {

    private static final String WORDS = "Gate 3 scanned my ticket twice <script>document.title='x'</script> 座位 🎫";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ComplaintService complaints;
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
            Chromium.screenshot(browser, "tasklist-complaint-last");
            browser.quit();
        }
    }

    @Test
    void amyAcknowledgesAComplaintAndItGoesToTicketSales() {
        Complaint complaint = complaints.submit(new NewComplaint(data.customer(MemberTier.GOLD).id(), null, null,
                ComplaintEnums.Channel.PHONE, ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.HIGH, WORDS), "carl");
        Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        Chromium.logInToCamunda(browser, wait, tasklist, "amy");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Complaint " + complaint.complaintNumber()));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        String words = browser.findElement(By.cssSelector(".fjs-container textarea")).getDomProperty("value");
        Chromium.screenshot(browser, "tasklist-complaint-form");
        assertThat(words).isEqualTo(WORDS);
        assertThat(browser.getTitle()).isNotEqualTo("x");
        assertThat(page).contains("Ticketing error · High · by Phone").contains("Responsible: ticket-sales")
                .containsPattern("First response due .* \\((\\d+ h|\\d+ min) left\\)");

        Chromium.click(browser, wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        By note = By.xpath("//label[contains(normalize-space(.),'What was said or asked')]/following::textarea[1]");
        Chromium.type(browser, wait, note, "Apologised; a new ticket is on its way");
        Chromium.click(browser, wait, By.xpath("//label[normalize-space(.)='Customer reached']"));
        wait.until(d -> "Apologised; a new ticket is on its way".equals(d.findElement(note).getDomProperty("value")));
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("IN_INVESTIGATION");
        assertThat(tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).taskCandidateGroup("ticket-sales")
                .count()).isEqualTo(1);
    }
}
