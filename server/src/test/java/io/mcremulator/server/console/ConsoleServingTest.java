package io.mcremulator.server.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.McrEmulatorServer;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console stands on, without a browser: its files come from the jar with a same-origin policy, {@code
 * /_emulator} links to it, the overview carries layers, platforms and storage but no secrets, and the journal
 * stream replays the backlog and then follows new requests.
 */
class ConsoleServingTest {
    private static McrEmulatorServer server;
    private static EmulatorCalls api;

    @BeforeAll
    static void start() {
        server = McrEmulatorServer.builder().build().start();
        api = new EmulatorCalls(server.baseUrl(), UUID.randomUUID().toString());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        api.control("POST", "/_emulator/reset", null);
    }

    @Test
    void theConsoleFilesComeFromTheJarWithASameOriginPolicy() {
        for (String path : List.of("/_emulator/console/", "/_emulator/console")) {
            given().baseUri(server.baseUrl())
                    .get(path)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("connect-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(containsString("/_emulator/console/console.js"));
        }
        given().baseUri(server.baseUrl())
                .get("/_emulator/console/console.js")
                .then()
                .statusCode(200)
                .contentType(containsString("text/javascript"));
        given().baseUri(server.baseUrl())
                .get("/_emulator/console/console.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"));
        // nothing else: no path tricks into the class path
        for (String bad : List.of("nope.js", "..%2Fcontrol-openapi.json", "ConsoleAssets.class")) {
            given().baseUri(server.baseUrl())
                    .get("/_emulator/console/" + bad)
                    .then()
                    .statusCode(404)
                    .body("slug", equalTo("not_found"));
        }
    }

    @Test
    void noFileOfThePageLoadsAnythingFromElsewhere() throws Exception {
        for (String file : List.of("index.html", "console.js", "console.css")) {
            String text = given().baseUri(server.baseUrl())
                    .get("/_emulator/console/" + file)
                    .asString();
            assertThat(text).as(file).doesNotContainPattern("(src|href)=\"https?://");
            assertThat(text).as(file).doesNotContain("@import", "cdn", "googleapis");
        }
    }

    @Test
    void theControlIndexLinksTheConsole() {
        given().baseUri(server.baseUrl())
                .get("/_emulator")
                .then()
                .statusCode(200)
                .body("console", equalTo("/_emulator/console/"));
        given().baseUri(server.baseUrl())
                .accept("text/html")
                .get("/_emulator")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/_emulator/console/\""));
        assertThat(server.consoleUrl()).isEqualTo(server.baseUrl() + "/_emulator/console/");
    }

    @Test
    void theOverviewShowsLayersPlatformsAndStorageButNoSecrets() {
        api.control(
                "POST",
                "/_emulator/seed",
                "{\"users\":[{\"tenant\":\"" + api.apiKey + "\",\"id\":\"dev\",\"password\":\"pw-secret\"}],"
                        + "\"proxy_caches\":[{\"tenant\":\"" + api.apiKey + "\",\"name\":\"hub\","
                        + "\"provider\":\"docker-hub\",\"url\":\"https://registry-1.docker.io\","
                        + "\"access_key\":\"ak\",\"access_secret\":\"sk-secret\"}]}");
        api.createRegistry("overview");
        EmulatorCalls.Pushed a = api.pushImage("overview", "app", "amd64", "layer a");
        EmulatorCalls.Pushed b = api.pushImage("overview", "app", "arm64", "layer b");
        EmulatorCalls.Pushed index = api.pushIndex("overview", "app", "multi", a, b);

        String body = given().baseUri(server.baseUrl())
                .get("/_emulator/overview?tenant=" + api.apiKey)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body).doesNotContain("pw-secret", "sk-secret", "manifest_base64", "api_keys");
        JsonPath json = JsonPath.from(body);
        assertThat(json.getLong("registries[0].storage_usage_bytes")).isPositive();
        List<java.util.Map<String, Object>> images = json.getList("registries[0].repositories[0].images");
        java.util.Map<String, Object> multi = images.stream()
                .filter(i -> index.digest().equals(i.get("digest")))
                .findFirst()
                .orElseThrow();
        assertThat(multi.toString()).contains("linux/amd64", "linux/arm64", a.digest(), b.digest());
        java.util.Map<String, Object> single = images.stream()
                .filter(i -> a.digest().equals(i.get("digest")))
                .findFirst()
                .orElseThrow();
        assertThat(single.toString())
                .contains("layers", EmulatorCalls.sha256("layer a".getBytes(StandardCharsets.UTF_8)));
        assertThat(json.getList("regions")).contains("br-se1", "br-ne1");
        assertThat(json.getString("proxy_caches[0].status.status")).isEqualTo("connected");
    }

    @Test
    void theStreamReplaysTheBacklogThenFollowsNewRequests() throws Exception {
        api.management("GET", "/v0/registries", null);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> res = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_emulator/requests/stream?backlog=10"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (seen) {
                        seen.add(line);
                        if (line.contains("createRegistry")) return;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        api.createRegistry("streamed");
        reading.get(15, TimeUnit.SECONDS);
        res.body().close();
        String all;
        synchronized (seen) {
            all = String.join("\n", seen);
        }
        assertThat(all)
                .contains("event: request", "\"operationId\":\"getRegistries\"", "\"operationId\":\"createRegistry\"");
        assertThat(all).doesNotContain("\"requestBody\"", "\"responseBody\"");
        assertThat(all.indexOf("getRegistries")).isLessThan(all.indexOf("createRegistry"));
    }

    @Test
    void badStreamParametersAreA400() {
        given().baseUri(server.baseUrl())
                .accept("text/event-stream")
                .get("/_emulator/requests/stream?backlog=-1")
                .then()
                .statusCode(400)
                .body("slug", equalTo("bad_request"));
        given().baseUri(server.baseUrl())
                .accept("text/event-stream")
                .get("/_emulator/requests/stream?tenant=x")
                .then()
                .statusCode(400)
                .body("message", containsString("backlog"));
    }
}
