package org.ticketops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.refund.RefundFeeInput;
import org.ticketops.refund.RefundFeeTable;
import org.ticketops.support.Api;
import org.ticketops.support.TicketOpsTest;

/**
 * olivia opens the refund-fee table in headless Chromium, raises a fee in a draft, sees the scenarios fail and the
 * replay figures, keeps a replayed refund as a scenario, fixes the failing scenarios in their grid, activates, and the
 * evaluate endpoint answers with the new version; then she compares it with the one before and rolls back.
 */
@TicketOpsTest
class DecisionTablesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DecisionService decisions;
    @Autowired
    RefundFeeTable feeTable;
    @Autowired
    ObjectMapper json;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "decisions-last");
            browser.quit();
        }
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void setCell(String id, String value) {
        WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        cell.clear();
        cell.sendKeys(value);
    }

    @Test
    void oliviaEditsChecksAndActivatesTheRefundFeeTable() {
        int before = decisions.activeVersion("refund-fees").version();
        Api api = new Api(rest);
        JsonNode view = api.get("olivia", "/api/decision-tables/refund-fees/versions/" + before + "/rows").hasStatus(200).tree();
        String fee = null;
        for (JsonNode c : view.path("columns")) {
            if (c.path("kind").asText().equals("action") && c.path("label").asText().contains("%")) {
                fee = c.path("letter").asText();
            }
        }
        int row = 0;
        while (!view.path("rows").get(row).path("cells").path(fee).asText().matches("\\d+")) {
            row++;
        }
        String original = view.path("rows").get(row).path("cells").path(fee).asText();
        String cellId = "cell-0-" + row + "-" + fee;

        browser.get("http://localhost:" + port + "/decisions");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("olivia");
        browser.findElement(By.name("password")).sendKeys("olivia");
        browser.findElement(By.xpath("//button[normalize-space(.)='Log in']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Refund and exchange fees"))).click();
        Chromium.screenshot(browser, "decisions-table");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("edit"))).click();

        String raised = String.valueOf(Integer.parseInt(original) + 7);
        setCell(cellId, raised);
        browser.findElement(By.xpath("//button[normalize-space(.)='Save draft']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("message"), "Saved."));
        String draft = browser.getCurrentUrl().replaceAll(".*/drafts/(\\d+).*", "$1");

        // real refunds decided last week by the version in force, on the inputs the raised fee changes
        JsonNode failing = api.post("olivia", "/api/decision-tables/refund-fees/drafts/" + draft + "/check", null)
                .hasStatus(200).tree().path("scenarios");
        int logged = 0;
        for (JsonNode s : failing) {
            if (!s.path("expected").equals(s.path("actual"))) {
                decisions.decide(feeTable, null, json.convertValue(s.path("input"), RefundFeeInput.class),
                        new DecisionSubject("REFUND_REQUEST", "browser-" + logged, null));
                logged++;
            }
        }
        assertThat(logged).isPositive();

        browser.findElement(By.id("check")).click();
        WebElement scenarios = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scenario-summary")));
        String replay = browser.findElement(By.id("replay-summary")).getText();
        scrollTo("report");
        Chromium.screenshot(browser, "decisions-check-failing");
        assertThat(scenarios.getText()).matches("\\d+ of \\d+ scenarios pass");
        assertThat(scenarios.getAttribute("class")).isEqualTo("refusal");
        assertThat(replay).matches("[1-9]\\d* of \\d+ real decisions would come out differently");

        // one replayed refund becomes a scenario with one click; it expects what the draft decides
        int scenariosBefore = browser.findElements(By.cssSelector("#scenario-grid tbody tr")).size();
        browser.findElement(By.xpath("//table[@id='changed']//button[normalize-space(.)='Keep as scenario']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("kept"),
                "Kept as scenario " + (scenariosBefore + 1)));

        // olivia fixes each failing scenario in the grid: the new terms are meant, so she types the new results
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.failed-scenario"));
        assertThat(rows).isNotEmpty();
        int index = 0;
        for (JsonNode s : failing) {
            if (!s.path("expected").equals(s.path("actual"))) {
                for (var field : (Iterable<Map.Entry<String, JsonNode>>) s.path("actual")::fields) {
                    setCell("scen-" + index + "-" + field.getKey(), field.getValue().asText());
                }
            }
            index++;
        }
        browser.findElement(By.xpath("//button[normalize-space(.)='Save draft']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("message"), "Saved."));
        assertThat(browser.findElements(By.cssSelector("#scenario-grid tbody tr"))).hasSize(scenariosBefore + 1);
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("scenario-summary"), "class", "message"));
        scrollTo("report");
        Chromium.screenshot(browser, "decisions-check-passing");
        browser.findElement(By.name("comment")).sendKeys("Terms for the new season");
        browser.findElement(By.id("activate")).click();
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("message")));
        Chromium.screenshot(browser, "decisions-activated");
        assertThat(message.getText()).isEqualTo("Version " + (before + 1) + " is in force.");

        JsonNode evaluated = api.post("olivia", "/api/decisions/refund-fees/evaluate", Map.of("requestType", "REFUND",
                "reason", "CUSTOMER_CHOICE", "hoursBeforeShow", 500, "ticketType", "STANDARD", "memberTier", "NONE",
                "ticketPrice", "100.00")).hasStatus(200).tree();
        assertThat(evaluated.path("tableVersion").path("version").asInt()).isEqualTo(before + 1);
        assertThat(api.get("olivia", "/api/decision-tables/refund-fees/versions/" + (before + 1) + "/rows").hasStatus(200)
                .tree().path("rows").get(row).path("cells").path(fee).asText()).isEqualTo(raised);

        // compare the new version with the one before, then roll back to it
        browser.findElement(By.cssSelector("a[href*='from=" + before + "&to=" + (before + 1) + "']")).click();
        WebElement counts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-counts")));
        Chromium.screenshot(browser, "decisions-compare");
        assertThat(counts.getText()).matches("\\d+ same · 0 moved · 1 changed · 0 added · 0 removed");
        browser.get("http://localhost:" + port + "/decisions/refund-fees");
        WebElement rollback = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[aria-label='Why go back']")));
        rollback.sendKeys("Back to the previous terms");
        browser.findElement(By.xpath("//button[normalize-space(.)='Roll back to this']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("message"),
                "Version " + (before + 2) + " (the rows of v" + before + ") is in force."));
        assertThat(decisions.activeVersion("refund-fees").version()).isEqualTo(before + 2);
    }
}
