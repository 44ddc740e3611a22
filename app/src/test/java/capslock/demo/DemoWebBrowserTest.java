package capslock.demo;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.common.WaterMark;
import capslock.common.net.TransportConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code demo --web} in a real browser: Debian's headless Chromium, driven through its chromedriver (Selenium never
 * downloads a browser or a driver: both paths are given). Clicks the book's client, waits for the page to say it
 * stalled, checks that the charted series grew and that the unwritable band appeared, then runs the fix and checks
 * that it completed; saves screenshots in target/. Without /usr/bin/chromium and /usr/bin/chromedriver it is skipped
 * and says how to run it. With {@code -Dcapslock.liveUrl=http://127.0.0.1:8081/ -Dcapslock.liveScreenshot=FILE} it drives
 * a {@code ./capslock demo --web} started by hand (its own JVM, the demo's defaults, no leak detector) and saves the
 * final screenshot to FILE: that is how docs/live.png is made (docs/CONTRIBUTING.md).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoWebBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String HOW = "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) "
            + "and run ./mvnw -B verify again; .ci/run installs them and always runs this test";

    @TempDir
    Path dir;
    private DemoWeb web;
    private ChromeDriver browser;
    private final String liveScreenshot = System.getProperty("capslock.liveScreenshot");
    private final String liveUrl = System.getProperty("capslock.liveUrl");

    @BeforeEach
    void start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present) {
            System.out.println("DemoWebBrowserTest SKIPPED: no " + (CHROMIUM.canExecute() ? CHROMEDRIVER : CHROMIUM) + "; " + HOW);
        }
        Assumptions.assumeTrue(present, "browser test skipped: no /usr/bin/chromium or /usr/bin/chromedriver; " + HOW);
        if (liveUrl == null) {
            web = new DemoWeb(new DemoSettings(null, 0, 0, 4L << 20, 1024, Duration.ofSeconds(1), 512L << 20,
                    TransportConfig.defaults().withWaterMark(WaterMark.defaults()).withSocketBuffers(64 * 1024, 64 * 1024), null),
                    "127.0.0.1", 0);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1300,1900",
                "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void waitForOutcome(String outcome, Duration timeout) {
        new WebDriverWait(browser, timeout).until(b -> outcome.equals(b.findElement(By.id("status")).getAttribute("data-outcome")));
    }

    private double number(String script) {
        return ((Number) js(script)).doubleValue();
    }

    private void screenshot(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theBooksClientFreezesAndTheFixFlowsLive() throws Exception {
        browser.get(liveUrl != null ? liveUrl : "http://127.0.0.1:" + web.port() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.findElements(By.id("scenario-1")).isEmpty());

        browser.findElement(By.id("scenario-1")).click();
        waitForOutcome("running", Duration.ofSeconds(20));
        waitForOutcome("stalled", Duration.ofSeconds(90));
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Run 1 stalled after");
        assertThat(browser.findElement(By.id("diagnosis")).getText()).contains("Who is waiting on whom")
                .contains("the book's TCP deadlock");
        assertThat(number("return window.capslock.points")).as("points charted").isGreaterThan(10);
        assertThat(number("return Math.max(...window.capslock.data.bytes[2])")).as("bytes written grew").isPositive();
        assertThat(number("return window.capslock.data.bytes[4].filter(v => v > 0).length")).as("the unwritable band")
                .isPositive();
        assertThat(number("return window.capslock.data.bytes[5].filter(v => v > 0).length")).as("the server paused reading")
                .isPositive();
        screenshot(Path.of("target", "demo-web-books-client.png"));

        browser.findElement(By.id("scenario-4")).click();
        waitForOutcome("completed", Duration.ofSeconds(90));
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Run 2 completed after");
        double payload = number("return window.capslock.runs[1].summary.payloadBytes");
        assertThat(number("return Math.max(...window.capslock.data.bytes[3])")).as("received MiB")
                .isEqualTo(payload / 1048576.0);
        assertThat(browser.findElements(By.cssSelector("#runs tr"))).hasSize(2);
        screenshot(Path.of("target", "demo-web-the-fix.png"));
        if (liveScreenshot != null) {
            screenshot(Path.of(liveScreenshot));
        }
    }

    /** A run of one's own that would take hours (a reader at 100 B/s) ends with the page's Stop button. */
    @Test
    void theStopButtonEndsARunThatWouldTakeHours() throws Exception {
        browser.get("http://127.0.0.1:" + web.port() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.findElements(By.id("scenario-1")).isEmpty());
        assertThat(browser.findElement(By.id("stop")).isEnabled()).as("nothing to stop yet").isFalse();

        browser.findElement(By.name("readRate")).sendKeys("100");
        browser.findElement(By.id("run-custom")).click();
        waitForOutcome("running", Duration.ofSeconds(20));
        browser.findElement(By.id("stop")).click();
        waitForOutcome("interrupted", Duration.ofSeconds(30));

        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Run 1 interrupted after");
        assertThat(browser.findElement(By.id("diagnosis")).getText()).startsWith("interrupted by the page's Stop button");
        assertThat(browser.findElement(By.id("stop")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("scenario-4")).isEnabled()).as("the next run may start").isTrue();
    }
}
