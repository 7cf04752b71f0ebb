package io.eventline.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver by Selenium. Both binaries are named
 * explicitly, so Selenium Manager never looks for, nor downloads, a browser or a driver.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int NARROWEST_WINDOW = 500;

    private final ChromeDriver driver;

    private HeadlessChromium(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a browser, or skips the test, saying how to install one, when this machine has none. */
    static HeadlessChromium open(int width, int height) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's headless Chromium and its driver: apt-get install -y chromium chromium-driver");
        HeadlessChromium browser = new HeadlessChromium(width, height);
        if (width < NARROWEST_WINDOW) {
            browser.resize(width, height);
        }
        return browser;
    }

    /**
     * The window's size, as a person resizing it, or a phone's: Chromium keeps a window at least
     * {@value #NARROWEST_WINDOW} px wide, so a narrower page is emulated (as DevTools' device mode does).
     */
    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(Math.max(width, NARROWEST_WINDOW), height));
        if (width < NARROWEST_WINDOW) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The page's width in CSS pixels, as media queries see it. */
    long viewportWidth() {
        return (Long) script("return window.innerWidth");
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Runs a script in the page: asking the DOM this way never meets a stale element. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    long count(String css) {
        return (Long) script("return document.querySelectorAll(arguments[0]).length", css);
    }

    String attribute(String css, String name) {
        return (String) script("const el = document.querySelector(arguments[0]);"
                + " return el ? el.getAttribute(arguments[1]) : null", css, name);
    }

    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
