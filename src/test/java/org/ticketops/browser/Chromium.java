package org.ticketops.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium with its ChromeDriver (no browser downloads). A machine without them skips
 * the browser tests with one line; {@code bash .ci/run} installs them.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static WebDriver start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install -y chromium chromium-driver; bash .ci/run does it)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("ticketops-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Clicks through the DOM. Camunda's Angular pages do not take WebDriver's synthetic input events in headless
     * Chromium (typing and clicking reach a plain page, not Tasklist), so tests click and type through the DOM events
     * the page listens to.
     */
    static void click(WebDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement element = wait.until(
                org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(target));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    /** Types into a field, through the DOM when key events do not arrive, and waits until it holds the text. */
    static void type(WebDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, org.openqa.selenium.By target,
                     String text) {
        org.openqa.selenium.WebElement field = wait.until(
                org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(target));
        field.click();
        field.sendKeys(text);
        if (!text.equals(field.getDomProperty("value"))) {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].focus(); arguments[0].value = arguments[1];"
                            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                            + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));"
                            + "arguments[0].dispatchEvent(new Event('blur', {bubbles: true}));", field, text);
        }
        wait.until(d -> text.equals(field.getDomProperty("value")));
    }

    /** Logs into a Camunda webapp (Tasklist, Cockpit) at {@code url} as {@code user} (password = user id). */
    static void logInToCamunda(WebDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, String url, String user) {
        driver.get(url);
        type(driver, wait, org.openqa.selenium.By.cssSelector("input[ng-model='username']"), user);
        type(driver, wait, org.openqa.selenium.By.cssSelector("input[ng-model='password']"), user);
        click(driver, wait, org.openqa.selenium.By.xpath("//button[normalize-space(.)='Log in']"));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                org.openqa.selenium.By.cssSelector("input[ng-model='password']")));
    }

    /** Keeps a screenshot of the page in target/browser/ (for a failing test's report). */
    static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // a screenshot is a help, never a reason to fail
        }
    }
}
