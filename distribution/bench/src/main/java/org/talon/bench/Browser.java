package org.talon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless (apt-get install chromium chromium-driver), driven by Debian's chromedriver: one browser profile each, so a
 * kiosk and a display hold their own device cookie as two machines would.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public final ChromeDriver driver;
    public final String base;
    private final Path profile;

    public Browser(int port, int width, int height) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        this.profile = Files.createTempDirectory("talon-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        // the flags known to work here (TOOLCHAIN.md): no sandbox as root, no calls to Google's hosts
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement await(String css, int seconds) {
        // a page that redraws between finding and looking leaves a stale element: look again
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the script returns something other than null or false, and returns it. */
    public Object awaitScript(String script, int millis) {
        return new WebDriverWait(driver, Duration.ofMillis(millis), Duration.ofMillis(25)).until(d -> {
            Object r = ((JavascriptExecutor) d).executeScript(script);
            return r == null || Boolean.FALSE.equals(r) ? null : r;
        });
    }

    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The text shown of the first element the selector finds, read in one step (a page may redraw it any time). */
    public String text(String css) {
        Object t = driver.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : null", css);
        if (t == null) throw new org.openqa.selenium.NoSuchElementException(css);
        return t.toString();
    }

    /** Waits for an element and returns its text, read in one step. */
    public String awaitText(String css, int seconds) {
        await(css, seconds);
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50)).until(d -> (String) ((JavascriptExecutor) d)
                .executeScript("const e = document.querySelector(arguments[0]); return e && e.offsetParent !== null ? e.innerText : null", css));
    }

    public void click(String css) {
        // a page that redraws between finding and clicking: find it again
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    await(css, 10).click();
                    return true;
                });
    }


    /** The messages the page wrote to the console at level SEVERE (errors) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path p = SCREENSHOTS.resolve(name + ".png");
        Files.write(p, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return p;
    }

    public Map<String, Object> cookies() {
        return driver.manage().getCookies().stream().collect(Collectors.toMap(c -> c.getName(), c -> c.getValue()));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                TalonProcess.deleteTree(profile);
            } catch (IOException e) {
                // a temporary folder
            }
        }
    }
}
