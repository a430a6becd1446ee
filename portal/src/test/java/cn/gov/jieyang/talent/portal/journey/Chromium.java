package cn.gov.jieyang.talent.portal.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser: Debian's headless Chromium driven by its chromium-driver, emulating a phone (the
 * portal runs inside WeChat's browser), Chinese first. Screenshots of key pages go to
 * {@code target/e2e-screenshots/}. Selenium Manager is never asked to download anything.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String name;
    private int shot;

    private Chromium(ChromeDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /**
     * A phone-sized headless Chromium.
     *
     * @param name prefix of this browser's screenshots
     * @return the browser
     */
    static Chromium phone(String name) {
        return phone(name, 412);
    }

    /**
     * A headless Chromium emulating a phone of the given width (CSS pixels), e.g. 390 for the narrow phones
     * the reviewer's pages must fit.
     *
     * @param name  prefix of this browser's screenshots
     * @param width the viewport's width
     * @return the browser
     */
    static Chromium phone(String name, int width) {
        ChromeOptions options = options("--window-size=" + width + ",915");
        options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", width, "height", 915, "pixelRatio", 2.0),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/150.0 Mobile Safari/537.36 MicroMessenger/8.0.50"));
        return start(name, options);
    }

    /**
     * A desktop-sized headless Chromium with a desktop User-Agent (the face door shows it a QR code).
     *
     * @param name prefix of this browser's screenshots
     * @return the browser
     */
    static Chromium desktop(String name) {
        return start(name, options("--window-size=1280,800", "--user-agent=Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36 Edg/150.0"));
    }

    private static ChromeOptions options(String... extra) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Chromium is missing: apt-get install chromium chromium-driver "
                    + "fonts-wqy-microhei (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--no-first-run", "--password-store=basic");
        options.addArguments(extra);
        return options;
    }

    private static Chromium start(String name, ChromeOptions options) {
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                "download.default_directory", downloads(name).toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        clearScreenshots(name);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Chromium(driver, name);
    }

    /** A new browser starts with none of an earlier run's screenshots or downloads under its name. */
    private static void clearScreenshots(String name) {
        try (var old = Files.exists(SCREENSHOTS) ? Files.list(SCREENSHOTS) : java.util.stream.Stream.<Path>empty();
                var downloaded = Files.list(downloads(name))) {
            for (Path f : old.filter(f -> f.getFileName().toString().startsWith(name + "-")).toList()) {
                Files.delete(f);
            }
            for (Path f : downloaded.toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this browser saves downloads: {@code target/e2e-downloads/<browser>/}. */
    static Path downloads(String name) {
        try {
            return Files.createDirectories(Path.of("target", "e2e-downloads", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for a finished download whose name ends with the suffix.
     *
     * @param suffix e.g. {@code -v2.asice}
     * @return the file
     */
    Path awaitDownload(String suffix) {
        Path dir = downloads(name);
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (var files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    Chromium open(String url) {
        driver.get(url);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text(String id) {
        return await(By.id(id)).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void click(By by) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(by));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    void click(String id) {
        click(By.id(id));
    }

    /**
     * Clicks a button or link that loads a new page, and waits until the old page is gone (a plain
     * click returns as soon as the click is dispatched, before the form's POST has been answered).
     */
    void clickAndLoad(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(By.id(id));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(page));
        await(By.tagName("body"));
    }

    /**
     * Whether the old page's root has left the document. Chromium answers a query on a node of a page
     * it is just replacing either "stale element" or, mid-navigation, "Node with given id does not
     * belong to the document" (an unknown error to Selenium, which {@code stalenessOf} does not catch
     * and which once failed the journey in CI): both mean the old page is gone.
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void type(By by, String text) {
        WebElement element = await(by);
        element.clear();
        element.sendKeys(text);
    }

    void type(String id, String text) {
        type(By.id(id), text);
    }

    void awaitUrlStartsWith(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    void awaitText(String id, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Saves a screenshot as {@code target/e2e-screenshots/<browser>-NN-<label>.png}.
     *
     * @param label what the page is
     * @return the file
     */
    Path screenshot(String label) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++shot, label));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot and the page source as {@code <browser>-FAILED.*}, for a failed test. */
    void saveFailure() {
        try {
            screenshot("FAILED");
            Files.writeString(SCREENSHOTS.resolve(name + "-FAILED.html"), driver.getCurrentUrl() + "\n"
                    + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            // The browser may be what failed; the test's own error matters more.
        }
    }

    /**
     * How many CSS pixels the page is wider than the screen (0 when nothing makes it scroll sideways).
     *
     * @return the overflow
     */
    long horizontalOverflow() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
