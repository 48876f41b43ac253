package io.mcremulator.server.support;

import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.contract.ContractFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One emulator per test class, started on port 0. Every request made through {@link #as(Caller)} or
 * {@link #anonymous()} passes the {@link ContractFilter}, which validates the response body against the OpenAPI
 * schema of the operation and status. Tests use fresh tenants and unique names, so they do not depend on order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    protected McrEmulatorServer server;

    /** Override to configure the server of this class. */
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b;
    }

    @BeforeAll
    void startServer() {
        server = configure(McrEmulatorServer.builder()).build().start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.stop();
    }

    /** A request with no credentials, through the contract filter. */
    protected RequestSpecification anonymous() {
        return RestAssured.given()
                .baseUri(server.baseUrl())
                .filter(ContractFilter.INSTANCE)
                .urlEncodingEnabled(true);
    }

    /** A request as the CLI sends it: Bearer JWT. */
    protected RequestSpecification as(Caller c) {
        return anonymous().header("Authorization", c.bearer());
    }

    /** A request as the Go SDK sends it: Content-Type application/json on every request, GET included. */
    protected RequestSpecification asSdk(Caller c) {
        return as(c).contentType(ContentType.JSON);
    }

    /** A registry name no other test uses: lowercase, digits, '-'. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String createRegistry(Caller c, String name) {
        return as(c).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    protected String createProxyCache(Caller c, String name) {
        return as(c).contentType(ContentType.JSON)
                .body(Map.of("name", name, "provider", "docker-hub", "url", "https://hub.docker.com"))
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Loads a seed document; it must be accepted. */
    protected void seed(Object document) {
        RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType(ContentType.JSON)
                .body(document)
                .post("/_emulator/seed")
                .then()
                .statusCode(204);
    }

    /** Seeds one registry of {@code c}'s tenant with repositories; returns the registry id. */
    protected String seedRegistry(Caller c, String name, List<Map<String, Object>> repositories) {
        String id = UUID.randomUUID().toString();
        seed(Map.of(
                "registries",
                List.of(Map.of("tenant", c.tenantId(), "id", id, "name", name, "repositories", repositories))));
        return id;
    }

    protected static Map<String, Object> repo(String name, List<Map<String, Object>> images) {
        return Map.of("id", UUID.randomUUID().toString(), "name", name, "images", images);
    }

    protected static Map<String, Object> image(String digest, long size, String pushedAt, String... tags) {
        return Map.of(
                "digest",
                digest,
                "size_bytes",
                size,
                "pushed_at",
                pushedAt,
                "tags",
                List.of(tags),
                "extra_attr",
                Map.of("os", "linux", "architecture", "amd64"));
    }

    /** A valid sha256 digest derived from {@code seed}. */
    protected static String digest(String seed) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the MCR error format: JSON {slug, message, detail} with the given status and slug. */
    protected static void assertError(io.restassured.response.Response r, int status, String slug) {
        r.then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("slug", equalTo(slug))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }
}
