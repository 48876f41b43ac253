package io.mcremulator.server.control;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test-control API: health, reset (all or one tenant), seed (atomic, errors name the field). */
class ControlApiTest extends ApiTestBase {

    private Response postSeed(String json) {
        return RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType(ContentType.JSON)
                .body(json)
                .post("/_emulator/seed");
    }

    @Test
    void healthIsUpWithoutCredentials() {
        RestAssured.given()
                .baseUri(server.baseUrl())
                .get("/_emulator/health")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("UP"));
    }

    @Test
    void aFullSeedDocumentIsServedByTheApi() {
        Caller c = Caller.random();
        String pc = UUID.randomUUID().toString();
        String reg = UUID.randomUUID().toString();
        String repo = UUID.randomUUID().toString();
        String d = digest("seeded");
        String doc = """
                {"version": 1,
                 "users": [{"tenant": "%1$s", "id": "%2$s", "email": "%3$s", "password": "pw-from-seed"}],
                 "proxy_caches": [{"tenant": "%1$s", "id": "%4$s", "name": "hub", "provider": "docker-hub",
                                   "url": "https://hub.docker.com", "description": "seeded", "created_at": "2024-05-15T19:56:47Z"}],
                 "registries": [{"region": "br-se1", "tenant": "%1$s", "id": "%5$s", "name": "%6$s", "proxy_cache_id": "%4$s",
                                 "created_at": "2024-05-15T19:56:47Z",
                                 "repositories": [{"id": "%7$s", "name": "team/app", "created_at": "2024-05-16T00:00:00Z",
                                   "images": [{"digest": "%8$s", "tags": ["latest", "1.0"], "size_bytes": 1234,
                                               "manifest_media_type": "application/vnd.docker.distribution.manifest.v2+json",
                                               "media_type": "application/vnd.docker.container.image.v1+json",
                                               "pushed_at": "2024-05-16T01:00:00Z", "pulled_at": "2024-05-17T00:00:00Z",
                                               "extra_attr": {"os": "linux"}}]}]}]}
                """.formatted(c.tenantId(), c.userId(), c.email(), pc, reg, uniqueName("seeded"), repo, d);
        postSeed(doc).then().statusCode(204);
        as(c).get("/v0/credentials").then().body("password", equalTo("pw-from-seed"));
        as(c).get("/v0/proxy-caches/" + pc)
                .then()
                .body("name", equalTo("hub"))
                .body("description", equalTo("seeded"))
                .body("created_at", equalTo("2024-05-15T19:56:47Z"));
        as(c).get("/v0/registries/" + reg)
                .then()
                .body("proxy_cache_id", equalTo(pc))
                .body("created_at", equalTo("2024-05-15T19:56:47Z"))
                .body("storage_usage_bytes", equalTo(1234));
        as(c).get("/v1/registries/" + reg + "/repositories/" + repo)
                .then()
                .body("name", equalTo("team/app"))
                .body("image_count", equalTo(1));
        as(c).queryParam("expand", "tags_details,extra_attr,manifest_media_type,media_type")
                .get("/v1/registries/" + reg + "/repositories/" + repo + "/images")
                .then()
                .body("results[0].digest", equalTo(d))
                .body("results[0].tags", equalTo(List.of("1.0", "latest")))
                .body("results[0].pulled_at", equalTo("2024-05-17T00:00:00Z"))
                .body("results[0].media_type", equalTo("application/vnd.docker.container.image.v1+json"))
                .body("results[0].manifest_media_type", equalTo("application/vnd.docker.distribution.manifest.v2+json"))
                .body("results[0].extra_attr.os", equalTo("linux"))
                .body("results[0].tags_details[0].pulled_at", equalTo("2024-05-17T00:00:00Z"));
    }

    @Test
    void theFullExampleOfDocsSeedFormatIsAccepted() throws Exception {
        String md = java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("user.dir")).resolveSibling("docs/seed-format.md"));
        String json = md.substring(md.indexOf("```json") + 7, md.indexOf("```", md.indexOf("```json") + 7));
        postSeed(json).then().statusCode(204);
        var key = RestAssured.given()
                .baseUri(server.baseUrl())
                .header("X-API-Key", "9b2f6c1e-0a4d-4b8e-8f3a-7c5d1e2b9a60");
        key.get("/v0/registries/ef376048-a0f7-446c-826b-1d5cb3e5a5b0/repositories/team/app/images/latest")
                .then()
                .statusCode(200)
                .body("size_bytes", equalTo(3552429));
        // an image without digest is made, with a digest of its own (the doc says digest is optional)
        key.get("/v0/registries/ef376048-a0f7-446c-826b-1d5cb3e5a5b0/repositories/alpine/images/3.20")
                .then()
                .statusCode(200)
                .body("digest", org.hamcrest.Matchers.startsWith("sha256:"));
        RestAssured.given()
                .baseUri(server.baseUrl())
                .header("X-API-Key", "9b2f6c1e-0a4d-4b8e-8f3a-7c5d1e2b9a60")
                .get("/br-ne1/container-registry/v0/registries")
                .then()
                .body("results[0].name", equalTo("ne-cache"));
    }

    static Stream<Arguments> badDocuments() {
        String d = "\"sha256:" + "a".repeat(64) + "\"";
        return Stream.of(
                Arguments.of("{\"registries\": [GOOD, 5]}", "registries[1]"),
                Arguments.of("{\"registries\": [GOOD, {\"name\": \"x1\"}]}", "registries[1].tenant"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"Bad Name\"}]}", "registries[1].name"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x2\", \"id\": \"nope\"}]}",
                        "registries[1].id"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x3\", \"region\": \"mars\"}]}",
                        "registries[1].region"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x4\", \"proxy_cache_id\": \""
                                + UUID.randomUUID() + "\"}]}",
                        "registries[1].proxy_cache_id"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x5\", \"colour\": 1}]}",
                        "registries[1].colour"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x6\", \"created_at\": \"yesterday\"}]}",
                        "registries[1].created_at"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x7\", \"repositories\": [{\"name\": \"UP\"}]}]}",
                        "registries[1].repositories[0].name"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x8\", \"repositories\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}]}",
                        "registries[1].repositories[1].name"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x9\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": \"md5:1\"}]}]}]}",
                        "registries[1].repositories[0].images[0].digest"),
                // An image without a digest is valid since the OCI work (the engine builds a pullable image); a tag
                // used by two images of one repository is not.
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x10\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"tags\": [\"t\"]}, {\"tags\": [\"t\"]}]}]}]}",
                        "registries[1].repositories[0].images[1].tags[0]"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x11\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"tags\": [\"-bad\"]}]}]}]}",
                        "registries[1].repositories[0].images[0].tags[0]"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x12\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"size_bytes\": -1}]}]}]}",
                        "registries[1].repositories[0].images[0].size_bytes"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x13\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"size_bytes\": \"big\"}]}]}]}",
                        "registries[1].repositories[0].images[0].size_bytes"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x14\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"extra_attr\": \"s\"}]}]}]}",
                        "registries[1].repositories[0].images[0].extra_attr"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x15\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + "}, {\"digest\": " + d + "}]}]}]}",
                        "registries[1].repositories[0].images[1].digest"),
                Arguments.of(
                        "{\"registries\": [GOOD, {\"tenant\": \"t\", \"name\": \"x16\", \"repositories\": [{\"name\": \"a\", \"images\": [{\"digest\": "
                                + d + ", \"pushed_at\": \"soon\"}]}]}]}",
                        "registries[1].repositories[0].images[0].pushed_at"),
                Arguments.of(
                        "{\"registries\": [GOOD], \"proxy_caches\": [{\"tenant\": \"t\", \"name\": \"p\", \"provider\": \"quay\", \"url\": \"https://q.io\"}]}",
                        "proxy_caches[0].provider"),
                Arguments.of(
                        "{\"registries\": [GOOD], \"proxy_caches\": [{\"tenant\": \"t\", \"name\": \"p\", \"provider\": \"docker-hub\", \"url\": \"nope\"}]}",
                        "proxy_caches[0].url"),
                Arguments.of(
                        "{\"registries\": [GOOD], \"proxy_caches\": [{\"tenant\": \"t\", \"name\": \"p\", \"provider\": \"docker-hub\", \"url\": \"https://a.b\"},"
                                + "{\"tenant\": \"t\", \"name\": \"p\", \"provider\": \"docker-hub\", \"url\": \"https://a.b\"}]}",
                        "proxy_caches[1].name"),
                Arguments.of("{\"registries\": [GOOD], \"users\": [{\"tenant\": \"t\"}]}", "users[0].id"),
                Arguments.of(
                        "{\"registries\": [GOOD], \"users\": [{\"tenant\": \"t\", \"id\": \"u\", \"password\": 5}]}",
                        "users[0].password"),
                Arguments.of("{\"registries\": [GOOD], \"registry\": []}", "registry"),
                Arguments.of("{\"registries\": {}}", "registries"),
                Arguments.of("[GOOD]", "body"),
                Arguments.of("{\"registries\": [GOOD", "body"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void badDocumentsAre400NamingTheFieldAndChangeNothing(String template, String field) {
        Caller c = Caller.random();
        String good = "{\"tenant\": \"" + c.tenantId() + "\", \"name\": \"" + uniqueName("good") + "\"}";
        Response r = postSeed(template.replace("GOOD", good));
        r.then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("slug", equalTo("bad_request"))
                .body("detail.field", equalTo(field))
                .body("message", containsString(field.equals("body") ? "JSON" : field));
        as(c).get("/v0/registries").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void aSeedCannotTakeANameThatExists() {
        Caller c = Caller.random();
        String name = uniqueName("taken");
        createRegistry(Caller.random(), name);
        postSeed("{\"registries\": [{\"tenant\": \"" + c.tenantId() + "\", \"name\": \"" + name + "\"}]}")
                .then()
                .statusCode(400)
                .body("detail.field", equalTo("registries[0].name"));
    }

    @Test
    void resetOfOneTenantLeavesTheOthers() {
        Caller a = Caller.random();
        Caller b = Caller.random();
        String ra = createRegistry(a, uniqueName("a"));
        String rb = createRegistry(b, uniqueName("b"));
        String pa = as(a).get("/br-ne1/container-registry/v0/credentials").path("password");
        RestAssured.given()
                .baseUri(server.baseUrl())
                .queryParam("tenant", a.tenantId())
                .contentType(ContentType.JSON)
                .post("/_emulator/reset")
                .then()
                .statusCode(204);
        assertError(as(a).get("/v0/registries/" + ra), 404, "not_found");
        as(b).get("/v0/registries/" + rb).then().statusCode(200);
        String after = as(a).get("/br-ne1/container-registry/v0/credentials").path("password");
        org.assertj.core.api.Assertions.assertThat(after).isNotEqualTo(pa);
    }

    @Test
    void resetOfEverything() {
        // Its own server, so the other tests of this class keep their data.
        try (var own = io.mcremulator.server.McrEmulatorServer.builder().build().start()) {
            Caller c = Caller.random();
            String name = uniqueName("gone");
            var spec = RestAssured.given()
                    .baseUri(own.baseUrl())
                    .header("Authorization", c.bearer())
                    .contentType(ContentType.JSON);
            spec.body(Map.of("name", name)).post("/v0/registries").then().statusCode(201);
            RestAssured.given()
                    .baseUri(own.baseUrl())
                    .contentType(ContentType.JSON)
                    .post("/_emulator/reset")
                    .then()
                    .statusCode(204);
            RestAssured.given()
                    .baseUri(own.baseUrl())
                    .header("Authorization", c.bearer())
                    .get("/v0/registries")
                    .then()
                    .body("meta.page.total", equalTo(0));
            spec.body(new HashMap<>(Map.of("name", name)))
                    .post("/v0/registries")
                    .then()
                    .statusCode(201);
        }
    }
}
