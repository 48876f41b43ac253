package io.mcremulator.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless chromium: it shows seeded state, follows pushes and requests live (no
 * reload), adds a fault from its form that the next API call meets, moves the clock, checkpoints and restores,
 * and resets after a confirmation. Screenshots of the main views land in target/console-screenshots/.
 */
class ConsoleBrowserTest {
    private static final String MEMBER = UUID.randomUUID().toString();
    private static McrEmulatorServer server;
    private static Browser browser;
    private static EmulatorCalls api;
    private static EmulatorCalls other;
    private org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait;

    @BeforeAll
    static void start() {
        server = McrEmulatorServer.builder().build().start();
        browser = Browser.start();
        api = new EmulatorCalls(server.baseUrl(), UUID.randomUUID().toString());
        other = new EmulatorCalls(server.baseUrl(), UUID.randomUUID().toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.stop();
    }

    @BeforeEach
    void freshEmulatorAndPage() {
        api.control("POST", "/_emulator/reset", null);
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class); // live updates re-render
    }

    @org.junit.jupiter.api.AfterEach
    void printTheConsoleLog(org.junit.jupiter.api.TestInfo test) {
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        String log = browser.consoleLog();
        if (!log.isBlank()) System.out.println("browser console:\n" + log);
    }

    /** Opens the console at {@code fragment} and waits until it follows the journal live. */
    private void open(String fragment) {
        // Chromium drops a page load when the host's network interfaces change (containers of other tests
        // starting or stopping: ERR_NETWORK_CHANGED); the load is tried again until it shows the console, for at
        // most 45 s.
        new WebDriverWait(browser.driver, Duration.ofSeconds(45))
                .pollingEvery(Duration.ofMillis(500))
                .withMessage("the console did not load at " + server.consoleUrl() + fragment)
                .until(d -> {
                    d.get("about:blank");
                    d.get(server.consoleUrl() + fragment);
                    return !d.findElements(By.id("live")).isEmpty();
                });
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        ((JavascriptExecutor) browser.driver).executeScript("window.sameDocument = 'yes'");
    }

    /** True while the page was never reloaded since {@link #open}. */
    private boolean notReloaded() {
        return "yes".equals(((JavascriptExecutor) browser.driver).executeScript("return window.sameDocument"));
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    /**
     * Clicks what {@code by} finds once it is clickable, finding it again when the page re-rendered it in between
     * (live lists are redrawn when the server's state changes).
     */
    private void click(By by) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement e = d.findElement(by);
            if (!e.isDisplayed() || !e.isEnabled()) return false;
            e.click();
            return true;
        });
    }

    private void tab(String view) {
        click(By.id("tab-" + view));
        wait.until(d -> byId("view-" + view).isDisplayed());
    }

    private void seedTwoTenants() {
        String seed = """
                {"registries":[
                  {"tenant":"%s","name":"shop","members":[{"user_id":"%s","role":"developer"}],"repositories":[
                    {"name":"team/web","images":[
                      {"digest":"sha256:%s","tags":["latest","1.4.2"],"size_bytes":52428800,
                       "pushed_at":"2026-01-10T10:00:00Z","pulled_at":"2026-01-11T08:30:00Z"},
                      {"digest":"sha256:%s","tags":["1.4.1"],"size_bytes":51200000}]},
                    {"name":"team/worker","images":[
                      {"digest":"sha256:%s","tags":["stable"],"size_bytes":20971520}]}]},
                  {"tenant":"%s","region":"br-ne1","name":"analytics","repositories":[
                    {"name":"etl/spark","images":[{"digest":"sha256:%s","tags":["3.5"],"size_bytes":157286400}]}]}],
                 "proxy_caches":[{"tenant":"%s","name":"hub-mirror","provider":"docker-hub",
                   "url":"https://registry-1.docker.io"}],
                 "registry_users":[{"tenant":"%s","id":"%s","username":"ana@example.com"}]}
                """.formatted(
                        api.apiKey,
                        MEMBER,
                        "a".repeat(64),
                        "b".repeat(64),
                        "c".repeat(64),
                        other.apiKey,
                        "d".repeat(64),
                        api.apiKey,
                        api.apiKey,
                        MEMBER);
        assertThat(api.control("POST", "/_emulator/seed", seed).status()).isEqualTo(204);
    }

    @Test
    void showsTheSeededStateAndADeepLinkFiltersItByTenant() {
        seedTwoTenants();
        open("#/state");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "team/web"));
        String tree = byId("state-tree").getText();
        assertThat(tree).contains("br-se1", "br-ne1", "shop", "analytics", "team/worker", "etl/spark", "hub-mirror");
        assertThat(tree).contains("latest", "1.4.2", "50 MiB");
        assertThat(tree).contains("ana@example.com", "developer"); // the registry's members
        assertThat(byId("state-tree")
                        .findElement(By.cssSelector("tr.proxy-row"))
                        .getText())
                .contains("hub-mirror", "docker-hub", "connected");
        browser.screenshot("state");

        // a copied link keeps the filter: one tenant only
        open("#/state?tenant=" + other.apiKey);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "etl/spark"));
        assertThat(byId("state-tree").getText()).doesNotContain("team/web");
        assertThat(new Select(byId("state-tenant")).getFirstSelectedOption().getText())
                .isEqualTo(other.apiKey);

        // search by name, from the keyboard: "/" focuses the search box
        open("#/state");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "team/web"));
        byId("main").sendKeys("/");
        wait.until(d -> "state-q".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.driver.switchTo().activeElement().sendKeys("worker");
        wait.until(d -> !byId("state-tree").getText().contains("team/web"));
        assertThat(byId("state-tree").getText()).contains("team/worker", "stable");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/state?q=worker");
    }

    @Test
    void aPushAndItsRequestsAppearWithoutAReload() {
        open("#/state");
        String registry = "live-" + UUID.randomUUID().toString().substring(0, 8);
        api.createRegistry(registry);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), registry));

        EmulatorCalls.Pushed amd64 = api.pushImage(registry, "apps/hello", "amd64", "hello from amd64");
        EmulatorCalls.Pushed arm64 = api.pushImage(registry, "apps/hello", "arm64", "hello from arm64");
        EmulatorCalls.Pushed index = api.pushIndex(registry, "apps/hello", "v1", amd64, arm64);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "apps/hello"));
        wait.until(d -> d.findElements(By.cssSelector("tr.image-row[data-digest='" + index.digest() + "']"))
                        .size()
                == 1);
        WebElement indexRow =
                browser.driver.findElement(By.cssSelector("tr.image-row[data-digest='" + index.digest() + "']"));
        assertThat(indexRow.getText()).contains("v1", "2 platforms");
        indexRow.findElement(By.tagName("summary")).click();
        wait.until(d ->
                indexRow.getText().contains("linux/amd64") && indexRow.getText().contains("linux/arm64"));
        browser.screenshot("state-pushed");

        tab("requests");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-table"), "ociManifestPut"));
        assertThat(byId("request-table").getText()).contains("createRegistry", "ociBlobUploadStart");

        // one more call, seen live while the requests view is open
        api.management("GET", "/v0/registries", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-table"), "getRegistries"));

        // rows open from the keyboard: focus the newest, Enter shows bodies and the operation id
        WebElement newest = browser.driver.findElement(By.cssSelector("#request-table tbody tr"));
        newest.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-detail"), "getRegistries"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-response-body"), registry));
        assertThat(byId("detail-operation").getText()).isEqualTo("getRegistries");
        browser.screenshot("requests");

        // two calls that fail (unknown registry): 4xx in the charts
        for (int i = 0; i < 2; i++) {
            assertThat(api.management("GET", "/v0/registries/" + UUID.randomUUID(), null)
                            .status())
                    .isEqualTo(404);
        }
        tab("charts");
        wait.until(d -> !d.findElements(By.cssSelector("#svg-ops rect.c4")).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-ops"), "ociBlobUploadStart"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-storage"), registry));
        assertThat(browser.driver.findElements(By.cssSelector("#svg-time rect")))
                .isNotEmpty();
        browser.screenshot("charts");
        assertThat(notReloaded()).as("the page was never reloaded").isTrue();
    }

    @Test
    void aScannedImageShowsItsSeveritiesAsABar() {
        String registryId = api.createRegistry("scanned");
        EmulatorCalls.Pushed image = api.pushImage("scanned", "team/api", "2.0", "an image with findings");
        String findings = "{\"digest\":\"" + image.digest() + "\",\"vulnerabilities\":["
                + vulnerability("CVE-2024-0001", "critical") + "," + vulnerability("CVE-2024-0002", "high") + ","
                + vulnerability("CVE-2024-0003", "high") + "," + vulnerability("CVE-2024-0004", "low") + "]}";
        assertThat(api.control("PUT", "/_emulator/findings", findings).status()).isEqualTo(200);
        String repositoryId = api.management("GET", "/v1/registries/" + registryId + "/repositories", null)
                .json()
                .get("results")
                .get(0)
                .get("id")
                .asText();
        open("#/state?registry=scanned");
        EmulatorCalls.Answer scheduled = api.management(
                "POST",
                "/v1/registries/" + registryId + "/repositories/" + repositoryId + "/images/" + image.digest()
                        + "/scans",
                "{}");
        assertThat(scheduled.status()).isEqualTo(202);
        By row = By.cssSelector("tr.image-row[data-digest='" + image.digest() + "']");
        wait.until(d -> !d.findElements(
                        By.cssSelector("tr.image-row[data-digest='" + image.digest() + "'] .sevbar .sev-critical"))
                .isEmpty());
        assertThat(browser.driver
                        .findElement(row)
                        .findElement(By.cssSelector("td.scan"))
                        .getText())
                .isEqualTo("1 C 2 H 1 L");
        browser.screenshot("state-scans");
    }

    private static String vulnerability(String cve, String severity) {
        return "{\"cve_id\":\"" + cve + "\",\"severity\":\"" + severity
                + "\",\"package_name\":\"openssl\",\"current_version\":\"3.0.1\"}";
    }

    @Test
    void aFaultAddedFromTheFormFailsTheNextCallAndTheJournalMarksIt() {
        open("#/control");
        new Select(byId("fault-op")).selectByValue("createRegistry");
        byId("fault-status").sendKeys("503");
        byId("fault-count-input").sendKeys("1");
        byId("fault-add").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-table"), "createRegistry"));
        String faultId = browser.driver
                .findElement(By.cssSelector("#fault-table tbody tr"))
                .getAttribute("data-fault");
        assertThat(byId("fault-table").getText()).contains("answer 503", "first 1");

        EmulatorCalls.Answer failed = api.management("POST", "/v0/registries", "{\"name\":\"faulted\"}");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).contains(faultId);
        // the rule's counters follow live
        wait.until(d -> byId("fault-table")
                .findElements(By.tagName("td"))
                .get(5)
                .getText()
                .equals("1"));
        browser.screenshot("control");
        assertThat(api.management("POST", "/v0/registries", "{\"name\":\"after-fault\"}")
                        .status())
                .isEqualTo(201);

        tab("requests");
        new Select(byId("req-fault")).selectByValue("any");
        wait.until(
                d -> d.findElements(By.cssSelector("#request-table tbody tr")).size() == 1);
        WebElement row = browser.driver.findElement(By.cssSelector("#request-table tbody tr"));
        assertThat(row.getText()).contains("503", "createRegistry", faultId);
        row.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-fault"), faultId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-request-body"), "faulted"));
        assertThat(byId("detail-response-body").getText()).contains("service_unavailable");

        // and removed from the page, the rule is gone
        tab("control");
        click(By.cssSelector("#fault-table button[aria-label='Remove fault " + faultId + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fault-empty")));
        assertThat(api.control("GET", "/_emulator/faults", null).body()).doesNotContain(faultId);
    }

    @Test
    void theClockIsFixedAndAdvancedFromThePage() {
        open("#/control");
        byId("clock-fix").sendKeys("2030-01-01T00:00:00Z");
        byId("clock-fix").sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("clock-value"), "2030-01-01 00:00:00 UTC"));
        assertThat(byId("clock-mode").getText()).isEqualTo("fixed");
        byId("clock-advance").sendKeys("PT1H30M");
        byId("clock-advance-button").click();
        wait.until(ExpectedConditions.textToBe(By.id("clock-value"), "2030-01-01 01:30:00 UTC"));
        assertThat(api.control("GET", "/_emulator/clock", null).body()).contains("2030-01-01T01:30:00");
        byId("clock-resume").click();
        wait.until(ExpectedConditions.textToBe(By.id("clock-mode"), "following system time"));
    }

    @Test
    void aCheckpointIsRestoredFromThePage() {
        api.createRegistry("kept");
        open("#/control");
        byId("snapshot-name").sendKeys("baseline");
        byId("snapshot-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("snapshot-table"), "baseline"));

        api.createRegistry("added-later");
        tab("state");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state-tree"), "added-later"));

        tab("control");
        click(By.cssSelector("button[aria-label='Restore snapshot baseline']"));
        tab("state");
        wait.until(d -> !byId("state-tree").getText().contains("added-later"));
        assertThat(byId("state-tree").getText()).contains("kept");
        api.control("DELETE", "/_emulator/snapshots/baseline", null);
    }

    @Test
    void resetAsksForAConfirmationThenEmptiesTheEmulator() {
        seedTwoTenants();
        api.management("GET", "/v0/registries", null);
        open("#/control");
        byId("reset-button").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-dialog")));
        browser.screenshot("reset-confirmation");
        byId("reset-cancel").click();
        assertThat(api.control("GET", "/_emulator/export", null).body()).contains("team/web");

        byId("reset-button").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-dialog")));
        byId("reset-confirm").click();
        tab("state");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("state-empty")));
        assertThat(api.control("GET", "/_emulator/export", null).body()).doesNotContain("team/web");
        assertThat(byId("request-count").getText()).isEqualTo("0");
    }

    @Test
    void aTokenInTheFragmentIsKeptInTheSessionAndLeavesTheAddressBar() {
        open("#/requests?token=s3cret&status=5xx");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("s3cret").endsWith("#/requests?status=5xx");
        Object stored = ((JavascriptExecutor) browser.driver)
                .executeScript("return sessionStorage.getItem('mcr-emulator.controlToken')");
        assertThat(stored).isEqualTo("s3cret");
        // the page sends it in a header on its calls, never in a URL
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("window.sentCalls = [];"
                + "const original = window.fetch;"
                + "window.fetch = (url, init) => {"
                + "  window.sentCalls.push({url: String(url), auth: (init && init.headers && init.headers.Authorization) || null,"
                + "    type: (init && init.headers && init.headers['Content-Type']) || null});"
                + "  return original(url, init); };");
        tab("control");
        byId("clock-resume").click();
        wait.until(d -> ((Number) js.executeScript(
                                "return window.sentCalls.filter(c => c.url.includes('/clock/resume')).length"))
                        .intValue()
                > 0);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> calls = (List<java.util.Map<String, Object>>)
                js.executeScript("return window.sentCalls.filter(c => c.url.includes('/clock/resume'))");
        assertThat(calls.get(0)).containsEntry("auth", "Bearer s3cret").containsEntry("type", "application/json");
        assertThat(calls.get(0).get("url").toString()).doesNotContain("s3cret");
        js.executeScript("sessionStorage.clear()");
        assertThat(List.of("5xx"))
                .contains(
                        new Select(byId("req-status")).getFirstSelectedOption().getAttribute("value"));
    }
}
