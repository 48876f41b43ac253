package io.mcremulator.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian chromium driven through Debian's chromedriver, both at fixed paths: Selenium Manager never
 * runs and nothing is downloaded. In CI ({@code CI=true} or {@code -Dmcr.requireExternal=true}) a missing browser
 * fails the test; elsewhere it is skipped, saying why.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("mcr.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("mcr.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("mcr-console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1440,900",
                "--user-data-dir=" + profile);
        options.setCapability(
                "goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // console errors, for failure messages
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, profile);
    }

    private static void requireInstalled() {
        String missing = null;
        if (!Files.isExecutable(CHROMIUM)) missing = CHROMIUM + " (Debian package chromium)";
        else if (!Files.isExecutable(CHROMEDRIVER)) missing = CHROMEDRIVER + " (Debian package chromium-driver)";
        if (missing == null) return;
        boolean mandatory = Boolean.getBoolean("mcr.requireExternal") || "true".equalsIgnoreCase(System.getenv("CI"));
        String message = "the console browser tests need " + missing;
        if (mandatory) throw new AssertionError(message + "; it is mandatory here: run .ci/prepare-machine.sh");
        Assumptions.assumeTrue(false, message + "; skipping (set CI=true to make this a failure)");
    }

    /** What the page wrote to its console since the last call (errors first of all). */
    String consoleLog() {
        StringBuilder out = new StringBuilder();
        for (org.openqa.selenium.logging.LogEntry e :
                driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            out.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    /** Saves a PNG of the page as it is now under target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
