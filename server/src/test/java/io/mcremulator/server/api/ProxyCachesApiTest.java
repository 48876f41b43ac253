package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proxy caches: create, list, get, PATCH, delete, and both status operations. */
class ProxyCachesApiTest extends ApiTestBase {

    /** A body as the Go SDK marshals it: every optional field present, null when unset. */
    private static Map<String, Object> sdkCreate(String name, String provider, String url) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("provider", provider);
        m.put("url", url);
        m.put("access_key", null);
        m.put("access_secret", null);
        m.put("description", null);
        return m;
    }

    private static Map<String, Object> sdkUpdate(String field, Object value) {
        Map<String, Object> m = new HashMap<>();
        for (String f : List.of("name", "url", "access_key", "access_secret", "description")) m.put(f, null);
        m.put(field, value);
        return m;
    }

    private String create(Caller c, Map<String, Object> body) {
        return asSdk(c).body(body)
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void createAnswersIdAndNameAndGetShowsTheDetailWithoutSecrets() {
        Caller c = Caller.random();
        String name = uniqueName("hub");
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                name,
                "provider",
                "docker-hub",
                "url",
                "https://hub.docker.com",
                "access_key",
                "key",
                "access_secret",
                "secret",
                "description",
                "Docker Hub cache"));
        Response r = asSdk(c).body(body).post("/v0/proxy-caches");
        r.then().statusCode(201).body("name", equalTo(name));
        assertThat(r.jsonPath().getMap("")).containsOnlyKeys("id", "name");
        String id = r.path("id");
        Map<String, Object> got = as(c).get("/v0/proxy-caches/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(got)
                .containsOnlyKeys("id", "name", "provider", "url", "created_at", "updated_at", "description")
                .containsEntry("provider", "docker-hub")
                .containsEntry("url", "https://hub.docker.com")
                .containsEntry("description", "Docker Hub cache");
        Map<String, Object> item = as(c).get("/v0/proxy-caches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("results[0]");
        assertThat(item).containsOnlyKeys("id", "name", "provider", "url", "created_at", "updated_at");
    }

    @Test
    void goSdkNullFieldsMeanNotGiven() {
        Caller c = Caller.random();
        String id = create(c, sdkCreate(uniqueName("nulls"), "aws-ecr", "https://public.ecr.aws"));
        as(c).get("/v0/proxy-caches/" + id).then().body("description", equalTo(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-hub", "google-gcr", "aws-ecr"})
    void knownProviders(String provider) {
        create(Caller.random(), sdkCreate(uniqueName("p"), provider, "https://example.com"));
    }

    @Test
    void validationErrorsNameTheField() {
        Caller c = Caller.random();
        Response unknown = asSdk(c).body(sdkCreate(uniqueName("p"), "quay", "https://quay.io"))
                .post("/v0/proxy-caches");
        assertError(unknown, 400, "bad_request");
        unknown.then().body("message", containsString("quay")).body("message", containsString("docker-hub"));
        Response url = asSdk(c).body(sdkCreate(uniqueName("p"), "docker-hub", "not a url"))
                .post("/v0/proxy-caches");
        assertError(url, 400, "bad_request");
        url.then().body("message", containsString("url"));
        assertError(
                asSdk(c).body(sdkCreate(uniqueName("p"), "docker-hub", "ftp://x.org"))
                        .post("/v0/proxy-caches"),
                400,
                "bad_request");
        Response name = asSdk(c).body(sdkCreate("Bad Name", "docker-hub", "https://hub.docker.com"))
                .post("/v0/proxy-caches");
        assertError(name, 400, "bad_request");
        name.then().body("message", containsString("name"));
        for (String missing : List.of("name", "provider", "url")) {
            Map<String, Object> b = sdkCreate(uniqueName("p"), "docker-hub", "https://hub.docker.com");
            b.remove(missing);
            Response r = asSdk(c).body(b).post("/v0/proxy-caches");
            assertError(r, 400, "bad_request");
            r.then().body("message", containsString(missing));
        }
        Map<String, Object> typed = sdkCreate(uniqueName("p"), "docker-hub", "https://hub.docker.com");
        typed.put("description", 12);
        Response t = asSdk(c).body(typed).post("/v0/proxy-caches");
        assertError(t, 400, "bad_request");
        t.then().body("message", containsString("description"));
        assertError(asSdk(c).body("{").post("/v0/proxy-caches"), 400, "bad_request");
        assertError(asSdk(c).body("null").post("/v0/proxy-caches"), 400, "bad_request");
        as(c).get("/v0/proxy-caches").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void namesAreUniquePerTenant() {
        Caller c = Caller.random();
        String name = uniqueName("dup");
        create(c, sdkCreate(name, "docker-hub", "https://hub.docker.com"));
        Response dup =
                asSdk(c).body(sdkCreate(name, "aws-ecr", "https://ecr.aws")).post("/v0/proxy-caches");
        assertError(dup, 409, "conflict");
        create(Caller.random(), sdkCreate(name, "docker-hub", "https://hub.docker.com"));
    }

    @Test
    void patchWithNullsChangesOnlyTheGivenField() {
        Caller c = Caller.random();
        String name = uniqueName("patch");
        Map<String, Object> body = new HashMap<>(Map.of(
                "name", name, "provider", "docker-hub", "url", "https://hub.docker.com", "description", "first"));
        String id = create(c, body);
        Response r = asSdk(c).body(sdkUpdate("description", "second")).patch("/v0/proxy-caches/" + id);
        r.then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(name))
                .body("url", equalTo("https://hub.docker.com"))
                .body("provider", equalTo("docker-hub"));
        as(c).get("/v0/proxy-caches/" + id)
                .then()
                .body("description", equalTo("second"))
                .body("name", equalTo(name));
        String renamed = uniqueName("renamed");
        asSdk(c).body(sdkUpdate("name", renamed))
                .patch("/v0/proxy-caches/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(renamed));
        asSdk(c).body(sdkUpdate("url", "https://mirror.gcr.io"))
                .patch("/v0/proxy-caches/" + id)
                .then()
                .body("url", equalTo("https://mirror.gcr.io"));
        as(c).get("/v0/proxy-caches/" + id)
                .then()
                .body("description", equalTo("second"))
                .body("name", equalTo(renamed));
    }

    @Test
    void patchEmptyStringKeepsNameAndUrlAndClearsDescription() {
        Caller c = Caller.random();
        String name = uniqueName("empty");
        String id = create(
                c,
                new HashMap<>(Map.of(
                        "name", name, "provider", "docker-hub", "url", "https://hub.docker.com", "description", "d")));
        asSdk(c).body(Map.of("name", "", "url", "", "description", ""))
                .patch("/v0/proxy-caches/" + id)
                .then()
                .statusCode(200);
        as(c).get("/v0/proxy-caches/" + id)
                .then()
                .body("name", equalTo(name))
                .body("url", equalTo("https://hub.docker.com"))
                .body("description", equalTo(""));
    }

    @Test
    void patchErrors() {
        Caller c = Caller.random();
        String taken = uniqueName("taken");
        create(c, sdkCreate(taken, "docker-hub", "https://hub.docker.com"));
        String mine = uniqueName("mine");
        String id = create(c, sdkCreate(mine, "docker-hub", "https://hub.docker.com"));
        assertError(asSdk(c).body(sdkUpdate("name", taken)).patch("/v0/proxy-caches/" + id), 409, "conflict");
        asSdk(c).body(sdkUpdate("name", mine))
                .patch("/v0/proxy-caches/" + id)
                .then()
                .statusCode(200);
        Response provider = asSdk(c).body(Map.of("provider", "aws-ecr")).patch("/v0/proxy-caches/" + id);
        assertError(provider, 400, "bad_request");
        provider.then().body("message", containsString("provider"));
        assertError(asSdk(c).body(sdkUpdate("url", "nope")).patch("/v0/proxy-caches/" + id), 400, "bad_request");
        assertError(asSdk(c).body(sdkUpdate("name", "UPPER")).patch("/v0/proxy-caches/" + id), 400, "bad_request");
        assertError(asSdk(c).body(sdkUpdate("name", 5)).patch("/v0/proxy-caches/" + id), 400, "bad_request");
        assertError(
                asSdk(c).body(sdkUpdate("name", "x")).patch("/v0/proxy-caches/" + UUID.randomUUID()), 404, "not_found");
        assertError(
                asSdk(Caller.random()).body(sdkUpdate("name", "x")).patch("/v0/proxy-caches/" + id), 404, "not_found");
        assertError(asSdk(c).body(sdkUpdate("name", "x")).patch("/v0/proxy-caches/bad-id"), 400, "bad_request");
        as(c).get("/v0/proxy-caches/" + id)
                .then()
                .body("name", equalTo(mine))
                .body("url", equalTo("https://hub.docker.com"));
    }

    @Test
    void deleteAnswers204AndRefusesWhileARegistryUsesIt() {
        Caller c = Caller.random();
        String id = create(c, sdkCreate(uniqueName("used"), "docker-hub", "https://hub.docker.com"));
        String registry = asSdk(c).body(Map.of("name", uniqueName("cache"), "proxy_cache_id", id))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response inUse = asSdk(c).body("null").delete("/v0/proxy-caches/" + id);
        assertError(inUse, 409, "conflict");
        inUse.then().body("message", containsString("registry"));
        as(c).get("/v0/proxy-caches/" + id).then().statusCode(200);
        as(c).delete("/v0/registries/" + registry).then().statusCode(204);
        asSdk(c).body("null").delete("/v0/proxy-caches/" + id).then().statusCode(204);
        assertError(as(c).get("/v0/proxy-caches/" + id), 404, "not_found");
        assertError(as(c).delete("/v0/proxy-caches/" + id), 404, "not_found");
        assertError(as(c).delete("/v0/proxy-caches/xyz"), 400, "bad_request");
    }

    @Test
    void getOfForeignOrUnknownIs404() {
        String id = createProxyCache(Caller.random(), uniqueName("foreign"));
        assertError(as(Caller.random()).get("/v0/proxy-caches/" + id), 404, "not_found");
        assertError(as(Caller.random()).get("/v0/proxy-caches/" + UUID.randomUUID()), 404, "not_found");
        assertError(as(Caller.random()).delete("/v0/proxy-caches/" + id), 404, "not_found");
        assertError(as(Caller.random()).get("/v0/proxy-caches/" + id + "/status"), 404, "not_found");
    }

    @Test
    void credentialStatusCheckWithoutCredentialTypeAndItsScriptableOutcome() {
        Caller c = Caller.random();
        // The Go SDK omits credential_type.
        asSdk(c).body(Map.of(
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "access_key",
                        "k",
                        "access_secret",
                        "s"))
                .post("/v0/proxy-caches/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("valid"));
        asSdk(c).body(Map.of(
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "access_key",
                        "k",
                        "access_secret",
                        "s",
                        "credential_type",
                        "basic"))
                .post("/v0/proxy-caches/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("valid"));
        asSdk(c).body(Map.of(
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "access_key",
                        "k",
                        "access_secret",
                        "invalid"))
                .post("/v0/proxy-caches/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("invalid"));
        asSdk(c).body(Map.of(
                        "provider",
                        "docker-hub",
                        "url",
                        "https://unreachable.example",
                        "access_key",
                        "k",
                        "access_secret",
                        "s"))
                .post("/v0/proxy-caches/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("invalid"));
        Response missing = asSdk(c).body(
                        Map.of("provider", "docker-hub", "url", "https://hub.docker.com", "access_key", "k"))
                .post("/v0/proxy-caches/status");
        assertError(missing, 400, "bad_request");
        missing.then().body("message", containsString("access_secret"));
        assertError(
                asSdk(c).body(Map.of(
                                "provider",
                                "nope",
                                "url",
                                "https://hub.docker.com",
                                "access_key",
                                "k",
                                "access_secret",
                                "s"))
                        .post("/v0/proxy-caches/status"),
                400,
                "bad_request");
        assertError(
                asSdk(c).body(Map.of(
                                "provider",
                                "docker-hub",
                                "url",
                                "https://hub.docker.com",
                                "access_key",
                                "k",
                                "access_secret",
                                "s",
                                "credential_type",
                                3))
                        .post("/v0/proxy-caches/status"),
                400,
                "bad_request");
        // Nothing is stored by a check.
        as(c).get("/v0/proxy-caches").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void connectionStatusOfAStoredProxyCache() {
        Caller c = Caller.random();
        String ok = create(c, sdkCreate(uniqueName("ok"), "docker-hub", "https://hub.docker.com"));
        String down = create(c, sdkCreate(uniqueName("down"), "docker-hub", "https://unreachable.example.com"));
        as(c).get("/v0/proxy-caches/" + ok + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("connected"))
                .body("message", equalTo("Proxy cache configuration is active."));
        as(c).get("/v0/proxy-caches/" + down + "/status").then().statusCode(200).body("status", equalTo("unreachable"));
        assertError(as(c).get("/v0/proxy-caches/" + UUID.randomUUID() + "/status"), 404, "not_found");
        assertError(as(c).get("/v0/proxy-caches/nope/status"), 400, "bad_request");
    }
}
