package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.client.HttpEmulatorControl;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.mcremulator.server.support.RawSocketHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 4: the test-control API refuses what a web page could send it (DNS rebinding, cross-origin and
 * non-JSON calls), can require a token, and its journal keeps no secrets.
 */
class ControlPlaneSafetyTest extends ApiTestBase {
    private RawSocketHttp.Answer call(McrEmulatorServer s, String method, String path, String headers, String body) {
        String host = headers.contains("Host:") ? "" : "Host: 127.0.0.1:" + s.port() + "\r\n";
        return RawSocketHttp.send(
                s.port(),
                method + " " + path + " HTTP/1.1\r\n" + host + headers + "Content-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);
    }

    private RawSocketHttp.Answer call(String method, String path, String headers, String body) {
        return call(server, method, path, headers, body);
    }

    private String export() {
        return call("GET", "/_emulator/export", "", "").body();
    }

    private static void assertRefused(RawSocketHttp.Answer a, int status, String slug) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body()).contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void foreignHostNamesAreRefusedAsInDnsRebinding() {
        assertRefused(call("GET", "/_emulator/export", "Host: attacker.example:8080\r\n", ""), 403, "forbidden");
        assertRefused(call("POST", "/_emulator/reset", "Host: rebind.attacker.example\r\n", ""), 403, "forbidden");
        for (String ok :
                new String[] {"localhost", "LOCALHOST:1", "127.0.0.1", "[::1]:80", "app.localhost", "10.1.2.3"}) {
            assertThat(call("GET", "/_emulator/health", "Host: " + ok + "\r\n", "")
                            .status())
                    .as(ok)
                    .isEqualTo(200);
        }
        // the management API and /v2 have credentials of their own and any host name (docker uses them)
        assertThat(call("GET", "/v0/registries", "Host: registry.example\r\n", "")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void crossOriginAndNonJsonStateChangesAreRefusedAndChangeNothing() {
        Caller c = Caller.random();
        createRegistry(c, uniqueName("kept"));
        String before = export();
        String origin = "http://127.0.0.1:" + server.port();
        assertRefused(call("POST", "/_emulator/reset", "Origin: http://evil.example\r\n", ""), 403, "forbidden");
        assertRefused(call("POST", "/_emulator/reset", "Origin: null\r\n", ""), 403, "forbidden");
        assertRefused(call("POST", "/_emulator/reset", "Origin: http://127.0.0.1:1\r\n", ""), 403, "forbidden");
        assertRefused(call("POST", "/_emulator/reset", "Sec-Fetch-Site: cross-site\r\n", ""), 403, "forbidden");
        assertRefused(
                call("POST", "/_emulator/reset", "Content-Type: text/plain\r\n", ""), 415, "unsupported_media_type");
        assertRefused(
                call("POST", "/_emulator/seed", "Content-Type: text/plain\r\n", "{\"registries\":[]}"),
                415,
                "unsupported_media_type");
        assertRefused(
                call("POST", "/_emulator/import", "Content-Type: application/x-www-form-urlencoded\r\n", "a=b"),
                415,
                "unsupported_media_type");
        assertRefused(call("POST", "/_emulator/seed", "", "{\"registries\":[]}"), 415, "unsupported_media_type");
        assertRefused(
                call("DELETE", "/_emulator/faults", "Content-Type: multipart/form-data; boundary=x\r\n", ""),
                415,
                "unsupported_media_type");
        assertThat(export()).isEqualTo(before);
        // the console's own same-origin JSON calls, and plain calls without a body, still work
        assertThat(call(
                                "POST",
                                "/_emulator/clock/fix",
                                "Origin: " + origin + "\r\nContent-Type: application/json\r\n",
                                "{}")
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/_emulator/clock/resume", "", "").status()).isEqualTo(200);
        assertThat(call("GET", "/_emulator/export", "Origin: " + origin + "\r\n", "")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aControlTokenWhenSetIsRequiredEverywhereButHealthAndTheConsolePages() {
        try (McrEmulatorServer own =
                McrEmulatorServer.builder().controlToken("s3cret-token").build().start()) {
            assertRefused(call(own, "GET", "/_emulator/export", "", ""), 401, "unauthorized");
            assertRefused(call(own, "POST", "/_emulator/reset", "", ""), 401, "unauthorized");
            assertRefused(
                    call(own, "GET", "/_emulator/export", "Authorization: Bearer wrong\r\n", ""), 401, "unauthorized");
            assertThat(call(own, "GET", "/_emulator/health", "", "").status()).isEqualTo(200);
            // the links page and the console's own files hold nothing of the state: a browser opens them first
            assertThat(call(own, "GET", "/_emulator", "", "").status()).isEqualTo(200);
            assertThat(call(own, "GET", "/_emulator/console/", "", "").status()).isEqualTo(200);
            assertThat(call(own, "GET", "/_emulator/export", "Authorization: Bearer s3cret-token\r\n", "")
                            .status())
                    .isEqualTo(200);
            assertThat(call(own, "POST", "/_emulator/reset", "X-MCR-Control-Token: s3cret-token\r\n", "")
                            .status())
                    .isEqualTo(204);
            // the HTTP client the container wrapper builds on sends it
            HttpEmulatorControl client =
                    new HttpEmulatorControl(own.baseUrl(), Map.of("X-MCR-Control-Token", "s3cret-token"));
            client.reset();
            assertThat(client.faults()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpEmulatorControl(own.baseUrl()).faults())
                    .hasMessageContaining("401");
        }
    }

    @Test
    void theJournalKeepsNoSecrets() {
        Caller c = Caller.random();
        call("DELETE", "/_emulator/requests", "", "");
        String secret = "top-secret-value-42";
        as(c).contentType("application/json")
                .body(Map.of(
                        "name", uniqueName("pc"),
                        "provider", "docker-hub",
                        "url", "https://hub.docker.com",
                        "access_key", "k",
                        "access_secret", secret))
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201);
        String password = as(c).get("/v0/credentials").then().extract().path("password");
        String user = as(c).get("/v0/credentials").then().extract().path("username");
        call(
                "POST",
                "/service/token",
                "Content-Type: application/x-www-form-urlencoded\r\n",
                "grant_type=password&username=" + user + "&password=" + password);
        String journal = call("GET", "/_emulator/requests", "", "").body();
        assertThat(journal)
                .contains("createProxyCache")
                .contains("getCredentials")
                .contains("access_secret");
        assertThat(journal).doesNotContain(secret).doesNotContain(password);
        assertThat(call("GET", "/_emulator/requests?bodyContains=" + secret, "", "")
                        .body())
                .doesNotContain("createProxyCache");
    }
}
