package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every management request gets at the HTTP level: routing errors, body limits, chunked bodies, headers. */
class HttpProtocolTest extends ApiTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownRouteIs404Json() {
        Caller c = Caller.random();
        Response r = as(c).get("/v0/nothing-here");
        assertError(r, 404, "not_found");
        r.then().body("message", containsString("/v0/nothing-here"));
        assertError(anonymous().get("/br-se1/container-registry/v3/registries"), 404, "not_found");
        assertError(anonymous().get("/"), 404, "not_found");
    }

    @Test
    void headRunsTheGetHandlerWithoutBody() throws Exception {
        Caller c = Caller.random();
        HttpResponse<byte[]> anonymousHead = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/registries"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymousHead.statusCode())
                .as("HEAD is authenticated like GET")
                .isEqualTo(401);
        HttpResponse<byte[]> head = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/br-ne1/container-registry/v0/registries"))
                        .header("Authorization", c.bearer())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void wrongMethodIs405Json() {
        Caller c = Caller.random();
        Response r = as(c).put("/v0/registries");
        assertError(r, 405, "method_not_allowed");
        r.then().body("message", containsString("PUT"));
        assertError(as(c).patch("/v0/credentials"), 405, "method_not_allowed");
        assertError(as(c).delete("/br-ne1/container-registry/v0/credentials"), 405, "method_not_allowed");
    }

    /** Go's transport asks for gzip on every request and unpacks it: large JSON answers come gzipped, small ones not. */
    @Test
    void largeJsonAnswersAreGzippedWhenAskedAndPlainOtherwise() throws Exception {
        Caller c = Caller.random();
        for (int i = 0; i < 30; i++)
            as(c).contentType("application/json")
                    .body(Map.of("name", uniqueName("gz" + i)))
                    .post("/v0/registries")
                    .then()
                    .statusCode(201);
        URI list = URI.create(server.baseUrl() + "/v0/registries?_limit=30");
        HttpResponse<byte[]> gz = http.send(
                HttpRequest.newBuilder(list)
                        .header("Authorization", c.bearer())
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Content-Type")).hasValue("application/json");
        byte[] unpacked = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertThat(MAPPER.readTree(unpacked)
                        .path("meta")
                        .path("page")
                        .path("total")
                        .asInt())
                .isEqualTo(30);

        HttpResponse<byte[]> plain = http.send(
                HttpRequest.newBuilder(list).header("Authorization", c.bearer()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(unpacked);

        HttpResponse<byte[]> small = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/credentials"))
                        .header("Authorization", c.bearer())
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(small.headers().firstValue("Content-Encoding"))
                .as("bodies under 1500 bytes stay plain")
                .isEmpty();
        assertThat(MAPPER.readTree(small.body()).has("username")).isTrue();
    }

    /** 8 MiB is more than the socket buffers hold: the client is still sending when the server refuses it. */
    @Test
    void oversizedBodyIs413JsonAndCreatesNothing() {
        Caller c = Caller.random();
        String big = "{\"name\":\"x\",\"description\":\"" + "a".repeat(8 * 1024 * 1024) + "\"}";
        Response r = as(c).contentType("application/json").body(big).post("/v0/registries");
        assertError(r, 413, "payload_too_large");
        as(c).get("/v0/registries").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void oversizedChunkedBodyIs413() throws Exception {
        Caller c = Caller.random();
        byte[] big = ("{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = sendChunked(c, "POST", "/v0/proxy-caches", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(MAPPER.readTree(r.body()).path("slug").asText()).isEqualTo("payload_too_large");
    }

    /** Sends a body without Content-Length (Transfer-Encoding: chunked), as the Go SDK does for every non-GET. */
    private HttpResponse<String> sendChunked(Caller c, String method, String path, byte[] body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", c.bearer())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() ->
                        (InputStream) new ByteArrayInputStream(body)))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void chunkedBodiesWithoutContentLengthAreRead() throws Exception {
        Caller c = Caller.random();
        String name = uniqueName("chunked");
        HttpResponse<String> created = sendChunked(
                c, "POST", "/v0/registries", ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = MAPPER.readTree(created.body());
        assertThat(body.path("name").asText()).isEqualTo(name);
        String id = body.path("id").asText();

        HttpResponse<String> pc = sendChunked(
                c,
                "POST",
                "/v0/proxy-caches",
                "{\"name\":\"pc-chunked\",\"provider\":\"docker-hub\",\"url\":\"https://hub.docker.com\",\"access_key\":null,\"access_secret\":null,\"description\":null}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(pc.statusCode()).isEqualTo(201);
        String pcId = MAPPER.readTree(pc.body()).path("id").asText();
        HttpResponse<String> patched = sendChunked(
                c,
                "PATCH",
                "/v0/proxy-caches/" + pcId,
                "{\"name\":null,\"url\":null,\"access_key\":null,\"access_secret\":null,\"description\":\"chunked\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(patched.statusCode()).isEqualTo(200);
        HttpResponse<String> status = sendChunked(
                c,
                "POST",
                "/v0/proxy-caches/status",
                "{\"provider\":\"docker-hub\",\"url\":\"https://hub.docker.com\",\"access_key\":\"k\",\"access_secret\":\"s\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(status.statusCode()).isEqualTo(200);
        HttpResponse<String> reset =
                sendChunked(c, "POST", "/v0/credentials/password", "null".getBytes(StandardCharsets.UTF_8));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(reset.body()).path("password").asText()).hasSize(32);
        assertThat(sendChunked(c, "DELETE", "/v0/proxy-caches/" + pcId, "null".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(204);
        assertThat(sendChunked(c, "DELETE", "/v0/registries/" + id, "null".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void anUnneededChunkedBodyDoesNotCostTheConnection() throws Exception {
        // The Go SDK sends the body `null`, chunked, on every DELETE and on the password reset. The connection must
        // stay open after such a call, or the client's next request on its pooled connection fails.
        Caller c = Caller.random();
        String id = createRegistry(c, uniqueName("keepalive"));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write(("DELETE /v0/registries/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + c.bearer()
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nnull\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readResponseHead(in);
            assertThat(first).startsWith("HTTP/1.1 204").doesNotContainIgnoringCase("Connection: close");
            out.write(("GET /v0/registries/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + c.bearer()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponseHead(in)).startsWith("HTTP/1.1 404");
        }
    }

    private static String readResponseHead(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new java.io.EOFException("connection closed after: " + head);
            head.append((char) b);
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
        return head.toString();
    }

    @Test
    void requestIdIsEchoedOrGeneratedAndATraceIdIsAlwaysSent() {
        Caller c = Caller.random();
        as(c).header("X-Request-ID", "my-request-42")
                .get("/v0/credentials")
                .then()
                .header("X-Request-ID", "my-request-42")
                .header("X-Mgc-Trace-Id", matchesPattern("[0-9a-f]{32}"));
        as(c).get("/v0/credentials").then().header("X-Request-ID", matchesPattern("[0-9a-f-]{36}"));
        anonymous()
                .header("X-Request-ID", "err-1")
                .get("/v0/registries")
                .then()
                .statusCode(401)
                .header("X-Request-ID", "err-1");
        anonymous().get("/v0/nowhere").then().statusCode(404).header("X-Mgc-Trace-Id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void getWithJsonContentTypeAndNoBodyIsFine() {
        asSdk(Caller.random()).get("/v0/registries").then().statusCode(200);
        asSdk(Caller.random()).get("/v0/proxy-caches").then().statusCode(200);
    }

    @Test
    void deleteWithEmptyOrNullOrObjectBodyIsAccepted() {
        Caller c = Caller.random();
        for (String body : new String[] {"", "null", "{}"}) {
            String id = createRegistry(c, uniqueName("del"));
            as(c).contentType("application/json")
                    .body(body)
                    .delete("/v0/registries/" + id)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void errorsAreJsonWithSlugMessageAndDetail() {
        Response r = as(Caller.random())
                .contentType("application/json")
                .body(Map.of("name", "Bad Name"))
                .post("/v0/registries");
        r.then()
                .statusCode(400)
                .header("Content-Type", containsString("application/json"))
                .body("detail.field", equalTo("name"))
                .body("detail.value", equalTo("Bad Name"));
    }

    /** Sends raw bytes (for requests no client library would build) and returns status line, headers and body. */
    private String raw(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsJettyRejectsBeforeRoutingStillGetJsonErrors() throws Exception {
        for (String path :
                new String[] {"/v0/registries/%zz", "/v0/registries/%00", "/v0/registries/" + "a".repeat(20_000)}) {
            String r = raw(
                    "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-ID: raw-1\r\nConnection: close\r\n\r\n");
            assertThat(r).matches("(?s)HTTP/1.1 4\\d\\d .*");
            assertThat(r)
                    .containsIgnoringCase("Content-Type: application/json")
                    .containsIgnoringCase("X-Mgc-Trace-Id: ");
            JsonNode body = MAPPER.readTree(r.substring(r.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("slug").asText()).isEqualTo("bad_request");
            assertThat(body.path("message").asText()).isNotEmpty();
        }
    }

    @Test
    void trailingSlashesAreTolerated() {
        Caller c = Caller.random();
        as(c).get("/v0/registries/").then().statusCode(200);
        as(c).get("/br-se1/container-registry/v0/credentials/").then().statusCode(200);
    }
}
