package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
import org.ticketops.catalog.TicketType;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The complaint's later forms as their users see them in the real Tasklist: ticket-sales investigates (the form
 * offers the voucher fields), the operations manager reads the voucher to approve, customer service the confirmation.
 */
@TicketOpsTest
class TasklistComplaintFormsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ComplaintService complaints;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.ticketops.support.Engine jobs;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        jobs.resetClock();
        if (browser != null) {
            Chromium.screenshot(browser, "tasklist-complaint-forms-last");
            browser.quit();
        }
    }

    private void complete(Complaint complaint, String user, String group, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String open(String tasklist, WebDriverWait wait, Complaint complaint, String user, String screenshot) {
        browser.manage().deleteAllCookies();
        Chromium.logInToCamunda(browser, wait, tasklist, user);
        Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Complaint " + complaint.complaintNumber()));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        Chromium.screenshot(browser, screenshot);
        return page;
    }

    @Test
    void investigateApproveTheVoucherAndConfirm() {
        Customer customer = data.customer(MemberTier.GOLD);
        var order = data.order(customer, data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.VIP, "1200.00", 10), 5);
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), order.order().id(), null,
                ComplaintEnums.Channel.PHONE, ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.HIGH, "Wrong seats printed"), "amy");
        complete(complaint, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Apologised"));
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        String investigate = open(tasklist, wait, complaint, "sam", "tasklist-complaint-investigate");
        assertThat(investigate).contains("Findings so far").contains("Voucher amount (CNY)").contains("Root cause");

        complete(complaint, "sam", "ticket-sales", Map.of("investigationOutcome", "PROPOSED", "findings", "Printer fault",
                "rootCause", "SYSTEM", "resolution", "COMPENSATION_VOUCHER"));
        String approve = open(tasklist, wait, complaint, "olivia", "tasklist-complaint-approve-compensation");
        assertThat(approve).contains("Voucher CNY 1,500.00 (the table suggested CNY 1,500.00) proposed by sam")
                .contains("Approve the voucher");

        complete(complaint, "olivia", "operations-manager", Map.of("compensationDecision", "APPROVE"));
        String confirm = open(tasklist, wait, complaint, "amy", "tasklist-complaint-confirm");
        assertThat(confirm).contains("Is the customer satisfied?").containsPattern("credit note CN-\\d{6}");
    }

    @Test
    void closeUnresolvedAndTheReturnCall() {
        Customer customer = data.customer(MemberTier.NONE);
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, null, ComplaintEnums.Channel.SOCIAL,
                ComplaintCategory.SERVICE_ATTITUDE, ComplaintSeverity.MEDIUM, "Rude at the gate"), "amy");
        complete(complaint, "amy", "customer-service", Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Listened"));
        String[][] levels = {{"carl", "customer-service"}, {"olivia", "operations-manager"}, {"gary", "general-manager"}};
        for (String[] level : levels) {
            complete(complaint, level[0], level[1], Map.of("investigationOutcome", "PROPOSED", "findings", "Spoke with staff",
                    "rootCause", "STAFF", "resolution", "APOLOGY"));
            complete(complaint, "amy", "customer-service", Map.of("satisfied", "false", "satisfactionScore", 1));
        }
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        String close = open(tasklist, wait, complaint, "gary", "tasklist-complaint-close-unresolved");
        assertThat(close).contains("Why it closes unresolved").contains("Spoke with staff");
        complete(complaint, "gary", "general-manager", Map.of("closingComment", "We did all we could"));

        jobs.advance(Duration.ofDays(7));
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processDefinitionKey("returnVisit").timers().singleResult();
        management.executeJob(timer.getId());
        Task call = tasks.createTaskQuery().processDefinitionKey("returnVisit").taskNameLike("%" + complaint.complaintNumber() + "%")
                .singleResult();
        browser.manage().deleteAllCookies();
        Chromium.logInToCamunda(browser, wait, tasklist, "amy");
        browser.get(tasklist + "#/?task=" + call.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Call back " + customer.name()));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        Chromium.screenshot(browser, "tasklist-return-call");
        assertThat(page).contains("complaint " + complaint.complaintNumber() + " closed a week ago").contains("Reached")
                .contains("A new problem (opens a follow-up complaint)");
        for (Task open : tasks.createTaskQuery().processDefinitionKey("returnVisit").list()) { // leave nothing for others
            tasks.setAssignee(open.getId(), "amy");
            tasks.complete(open.getId(), Map.of("callOutcome", "NOT_REACHED"));
        }
    }
}
