package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;

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
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.procurement.NewProcurementRequest;
import org.ticketops.procurement.NewSupplier;
import org.ticketops.procurement.ProcurementRequest;
import org.ticketops.procurement.ProcurementService;
import org.ticketops.procurement.Supplier;
import org.ticketops.procurement.SupplierService;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The procurement approval form in the real Tasklist: demo (in every group) requested a purchase and may not approve
 * it (Tasklist shows the four-eyes message and the task stays); olivia reads the request, the supplier's scorecard
 * and the chain, approves, and the request moves on to its contract.
 */
@TicketOpsTest
class TasklistProcurementBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    SupplierService suppliers;
    @Autowired
    ProcurementService procurement;
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
            Chromium.screenshot(browser, "tasklist-procurement-last");
            browser.quit();
        }
    }

    @Test
    void theRequesterIsRefusedAndOliviaApprovesInTheTasklist() {
        long supplier = suppliers.create(new NewSupplier(TestData.unique("Supplier"), "TL-" + System.nanoTime() % 1_000_000,
                "sales@supplier.example", Supplier.Qualification.QUALIFIED, LocalDate.now().plusYears(1),
                Arrays.stream(EventKind.values()).map(k -> new NewSupplier.ApprovedKind(k, LocalDate.now().minusDays(1),
                        LocalDate.now().plusYears(1))).toList()), "paul").supplier().id();
        Show show = data.show(catalog.createEvent(TestData.unique("Symphony night"), EventKind.CONCERT), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "380.00", 20);
        ProcurementRequest request = procurement.submit(new NewProcurementRequest(supplier, show.id(), category.id(), null,
                120, new BigDecimal("210.00"), new BigDecimal("380.00"), null), "demo");
        Task task = tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        Chromium.logInToCamunda(browser, wait, tasklist, "demo");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Procurement request " + request.requestNumber()));
        Chromium.click(browser, wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        Chromium.click(browser, wait, By.xpath("//label[normalize-space(.)='Approve']"));
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "four-eyes rule"));
        Chromium.screenshot(browser, "tasklist-procurement-refused");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        tasks.setAssignee(task.getId(), null);
        browser.manage().deleteAllCookies();

        Chromium.logInToCamunda(browser, wait, tasklist, "olivia");
        browser.get(tasklist + "#/?task=" + task.getId());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Procurement request " + request.requestNumber()));
        String page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
        Chromium.screenshot(browser, "tasklist-procurement-form");
        assertThat(page).contains("120 ticket(s) for").contains("Concert").contains("category STANDARD seats").contains("total CNY 25,200.00")
                .contains("Scorecard (0 inspection(s))").contains("standing Good").contains("operations-manager")
                .doesNotContain("CONCERT");
        Chromium.click(browser, wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        Chromium.click(browser, wait, By.xpath("//label[normalize-space(.)='Approve']"));
        Chromium.click(browser, wait, By.xpath("//button[normalize-space(.)='Complete']"));
        wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(procurement.request(request.id()).status()).isEqualTo("APPROVED");
        assertThat(tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("signContract");
    }
}
