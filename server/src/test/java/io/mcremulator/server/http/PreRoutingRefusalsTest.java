package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.RawHttp;
import io.mcremulator.server.support.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests the HTTP layer refuses before any route runs, sent as raw bytes: whatever the method, each answer has a
 * JSON body in the called plane's format (management and control {@code {slug,message,detail}}, /v2
 * {@code {"errors":[...]}}), a JSON Content-Type and a request id; bad input is a 4xx, never a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreRoutingRefusalsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final List<String> MANAGEMENT_PATHS =
            List.of("/v0/registries", "/br-ne1/container-registry/v1/registries/x/repositories", "/_emulator/reset");
    private static final List<String> OCI_PATHS = List.of("/v2/team/app/manifests/latest", "/v2/", "/service/token");

    private McrEmulatorServer server;

    @BeforeAll
    void start() {
        server = McrEmulatorServer.builder().build().start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @Test
    void anUnknownExpectationIs417InThePlanesFormatForEveryMethod() throws IOException {
        for (String method : METHODS) {
            for (String path : MANAGEMENT_PATHS) {
                Answer a = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nExpect: fast\r\n"
                        + "X-Request-ID: rid-417\r\nContent-Length: 2\r\n\r\n{}");
                assertManagementError(a, 417, "bad_request", method + " " + path);
                assertThat(a.header("X-Request-ID"))
                        .as("the caller's request id")
                        .isEqualTo("rid-417");
            }
            for (String path : OCI_PATHS) {
                Answer a = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nExpect: fast\r\n"
                        + "Content-Length: 2\r\n\r\n{}");
                assertOciError(a, 417, "UNSUPPORTED", method + " " + path);
            }
        }
    }

    @Test
    void headersTooLargeAre431InThePlanesFormatForEveryMethod() throws IOException {
        String big = "X-Padding: " + "a".repeat(20_000) + "\r\n";
        for (String method : METHODS) {
            for (String path : MANAGEMENT_PATHS) {
                Answer a = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n");
                assertManagementError(a, 431, "bad_request", method + " " + path);
            }
            for (String path : OCI_PATHS) {
                Answer a = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n");
                assertOciError(a, 431, "UNSUPPORTED", method + " " + path);
            }
        }
    }

    @Test
    void anEmptyRequestTargetIsABadRequestNotAServerError() throws IOException {
        Answer a = send("GET  HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertManagementError(a, 400, "bad_request", "empty request-target");
        assertThat(json(a).path("message").asText()).contains("request-target");
    }

    @Test
    void malformedRequestLinesAndVersionsAreBadRequests() throws IOException {
        for (String line : List.of(
                "GARBAGE", " / HTTP/1.1", "GET / HTTP/3.0", "GET / HTTP/1.1 extra", "GET /v0/registries HTTX/1.1")) {
            Answer a = send(line + "\r\nHost: localhost\r\n\r\n");
            assertManagementError(a, 400, "bad_request", line);
        }
    }

    @Test
    void aTargetJettyCannotParseIsAnsweredInThePlanesFormat() throws IOException {
        for (String target : List.of("/v2/team/app/tags/%zz", "/v2/team/%u002", "http://localhost/v2/team/%zz")) {
            assertOciError(send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "UNSUPPORTED", target);
        }
        // the parser gives up before it has the whole target: a control character, a target too long
        assertOciError(send("GET /v2/team/\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "UNSUPPORTED", "CTL");
        assertOciError(
                send("PUT /v2/team/app/manifests/latest?" + "q".repeat(10_000)
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                414,
                "UNSUPPORTED",
                "long /v2 target");
        assertManagementError(
                send("GET /v0/registries?" + "q".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                414,
                "bad_request",
                "long management target");
        for (String target : List.of("/v0/registries/%zz", "/_emulator/faults/%zz", "/v0/\u0001")) {
            assertManagementError(
                    send("DELETE " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "bad_request", target);
        }
    }

    @Test
    void badFramingIsABadRequest() throws IOException {
        assertOciError(
                send("POST /v2/team/app/blobs/uploads/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n"),
                400,
                "UNSUPPORTED",
                "unknown transfer coding");
        assertManagementError(
                send("PATCH /v0/proxy-caches/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1x\r\n\r\n"),
                400,
                "bad_request",
                "bad Content-Length");
        assertManagementError(
                send("GET /v0/registries HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, "bad_request", "two Hosts");
    }

    @Test
    void aRefusedHeadHasTheLengthOfTheBodyItDoesNotSend() throws IOException {
        Answer a = RawHttp.send(
                server.port(),
                "HEAD /v2/team/app/manifests/latest HTTP/1.1\r\nHost: localhost\r\nExpect: fast\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1),
                true);
        assertThat(a.status()).isEqualTo(417);
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        assertThat(Integer.parseInt(a.header("Content-Length"))).isPositive();
        assertThat(a.header("X-Request-ID")).isNotBlank();
    }

    private Answer send(String request) throws IOException {
        return RawHttp.send(server.port(), request);
    }

    private static JsonNode json(Answer a) throws IOException {
        return MAPPER.readTree(a.body());
    }

    private static void assertCommon(Answer a, int status, String what) {
        assertThat(a.status()).as("status of %s", what).isEqualTo(status);
        assertThat(a.header("Content-Type")).as("Content-Type of %s", what).isEqualTo("application/json");
        assertThat(a.header("X-Request-ID")).as("X-Request-ID of %s", what).isNotBlank();
        assertThat(a.header("X-Mgc-Trace-Id")).as("X-Mgc-Trace-Id of %s", what).matches("[0-9a-f]{32}");
    }

    private static void assertManagementError(Answer a, int status, String slug, String what) throws IOException {
        assertCommon(a, status, what);
        JsonNode body = json(a);
        assertThat(body.path("slug").asText())
                .as("slug of %s: %s", what, a.bodyText())
                .isEqualTo(slug);
        assertThat(body.path("message").asText()).as("message of %s", what).isNotBlank();
        assertThat(body.path("detail").isObject()).as("detail of %s", what).isTrue();
        assertThat(body.has("errors")).isFalse();
    }

    private static void assertOciError(Answer a, int status, String code, String what) throws IOException {
        assertCommon(a, status, what);
        assertThat(a.header("Docker-Distribution-Api-Version"))
                .as("API version of %s", what)
                .isEqualTo("registry/2.0");
        JsonNode errors = json(a).path("errors");
        assertThat(errors.size()).as("errors of %s: %s", what, a.bodyText()).isEqualTo(1);
        assertThat(errors.get(0).path("code").asText()).as("code of %s", what).isEqualTo(code);
        assertThat(errors.get(0).path("message").asText())
                .as("message of %s", what)
                .isNotBlank();
    }
}
