package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bare paths are br-se1; /br-se1/, /br-ne1/ and /br-se-1/ under /container-registry are separate states. */
class RegionsAndTenantsTest extends ApiTestBase {
    static final List<String> PREFIXES =
            List.of("/br-se1/container-registry", "/br-ne1/container-registry", "/br-se-1/container-registry");

    private String create(Caller c, String prefix, String name) {
        return as(c).contentType("application/json")
                .body(Map.of("name", name))
                .post(prefix + "/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void barePathsAreBrSe1() {
        Caller c = Caller.random();
        String id = create(c, "", uniqueName("bare"));
        as(c).get("/br-se1/container-registry/v0/registries/" + id).then().statusCode(200);
        String id2 = create(c, "/br-se1/container-registry", uniqueName("se1"));
        as(c).get("/v0/registries/" + id2).then().statusCode(200);
    }

    @Test
    void eachRegionIsItsOwnState() {
        Caller c = Caller.random();
        String name = uniqueName("same");
        for (String p : PREFIXES) create(c, p, name); // global uniqueness is per region
        for (String p : PREFIXES) as(c).get(p + "/v0/registries").then().body("meta.page.total", equalTo(1));
        String ne = as(c).get("/br-ne1/container-registry/v0/registries").path("results[0].id");
        assertError(as(c).get("/br-se-1/container-registry/v0/registries/" + ne), 404, "not_found");
        assertError(as(c).get("/v0/registries/" + ne), 404, "not_found");
        as(c).delete("/br-ne1/container-registry/v0/registries/" + ne).then().statusCode(204);
        as(c).get("/br-se-1/container-registry/v0/registries").then().body("meta.page.total", equalTo(1));
    }

    @Test
    void credentialsAndProxyCachesArePerRegion() {
        Caller c = Caller.random();
        String se = as(c).get("/v0/credentials").path("password");
        String ne = as(c).get("/br-ne1/container-registry/v0/credentials").path("password");
        org.assertj.core.api.Assertions.assertThat(se).isNotEqualTo(ne);
        as(c).contentType("application/json")
                .body(Map.of("name", "pc", "provider", "docker-hub", "url", "https://hub.docker.com"))
                .post("/br-se-1/container-registry/v0/proxy-caches")
                .then()
                .statusCode(201);
        as(c).get("/br-se-1/container-registry/v0/proxy-caches").then().body("meta.page.total", equalTo(1));
        as(c).get("/v0/proxy-caches").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void everyOperationIsServedUnderEveryRegionPrefix() {
        Caller c = Caller.random();
        for (String p : PREFIXES) {
            String id = seedIn(c, p.substring(1, p.indexOf('/', 1)));
            as(c).get(p + "/v0/credentials").then().statusCode(200);
            as(c).post(p + "/v0/credentials/password").then().statusCode(200);
            as(c).get(p + "/v0/registries/" + id).then().statusCode(200);
            String repo = as(c).get(p + "/v1/registries/" + id + "/repositories")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("results[0].id");
            as(c).get(p + "/v1/registries/" + id + "/repositories/" + repo)
                    .then()
                    .statusCode(200);
            as(c).get(p + "/v1/registries/" + id + "/repositories/" + repo + "/images")
                    .then()
                    .statusCode(200);
            as(c).get(p + "/v1/registries/" + id + "/repositories/" + repo + "/images/latest")
                    .then()
                    .statusCode(200);
            as(c).get(p + "/v0/registries/" + id + "/repositories").then().statusCode(200);
            as(c).get(p + "/v0/registries/" + id + "/repositories/team/app/images/latest")
                    .then()
                    .statusCode(200);
            as(c).delete(p + "/v0/registries/" + id + "/repositories/team/app/images/latest")
                    .then()
                    .statusCode(204);
            as(c).delete(p + "/v1/registries/" + id + "/repositories/" + repo)
                    .then()
                    .statusCode(204);
            String pc = as(c).contentType("application/json")
                    .body(Map.of("name", uniqueName("pc"), "provider", "docker-hub", "url", "https://hub.docker.com"))
                    .post(p + "/v0/proxy-caches")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(c).contentType("application/json")
                    .body(Map.of("description", "x"))
                    .patch(p + "/v0/proxy-caches/" + pc)
                    .then()
                    .statusCode(200);
            as(c).get(p + "/v0/proxy-caches/" + pc + "/status").then().statusCode(200);
            as(c).contentType("application/json")
                    .body(Map.of(
                            "provider",
                            "docker-hub",
                            "url",
                            "https://hub.docker.com",
                            "access_key",
                            "k",
                            "access_secret",
                            "s"))
                    .post(p + "/v0/proxy-caches/status")
                    .then()
                    .statusCode(200);
            as(c).delete(p + "/v0/proxy-caches/" + pc).then().statusCode(204);
            as(c).delete(p + "/v0/registries/" + id).then().statusCode(204);
        }
    }

    private String seedIn(Caller c, String region) {
        String id = java.util.UUID.randomUUID().toString();
        seed(Map.of(
                "registries",
                List.of(Map.of(
                        "region",
                        region,
                        "tenant",
                        c.tenantId(),
                        "id",
                        id,
                        "name",
                        uniqueName("rg"),
                        "repositories",
                        List.of(repo(
                                "team/app", List.of(image(digest(region), 1, "2024-01-01T00:00:00Z", "latest"))))))));
        return id;
    }

    @Test
    void unknownRegionIs404NamingIt() {
        Caller c = Caller.random();
        Response r = as(c).get("/us-east1/container-registry/v0/registries");
        assertError(r, 404, "not_found");
        r.then().body("message", containsString("us-east1"));
        // The CLI/Terraform spelling br-mgl1 is not a URL segment of the gateway.
        assertError(as(c).get("/br-mgl1/container-registry/v0/registries"), 404, "not_found");
    }

    @Test
    void tenantsNeverSeeEachOthersResources() {
        Caller a = Caller.random();
        Caller b = Caller.random();
        String reg = createRegistry(a, uniqueName("iso"));
        String pc = createProxyCache(a, uniqueName("iso"));
        as(b).get("/v0/registries").then().body("meta.page.total", equalTo(0));
        as(b).get("/v0/proxy-caches").then().body("meta.page.total", equalTo(0));
        assertError(as(b).get("/v0/registries/" + reg), 404, "not_found");
        assertError(as(b).delete("/v0/registries/" + reg), 404, "not_found");
        assertError(as(b).get("/v1/registries/" + reg + "/repositories"), 404, "not_found");
        assertError(as(b).get("/v0/proxy-caches/" + pc), 404, "not_found");
        assertError(
                as(b).contentType("application/json")
                        .body(Map.of("description", "x"))
                        .patch("/v0/proxy-caches/" + pc),
                404,
                "not_found");
        assertError(as(b).delete("/v0/proxy-caches/" + pc), 404, "not_found");
        assertError(as(b).get("/v0/proxy-caches/" + pc + "/status"), 404, "not_found");
        assertError(
                as(b).contentType("application/json")
                        .body(Map.of("name", uniqueName("x"), "proxy_cache_id", pc))
                        .post("/v0/registries"),
                404,
                "not_found");
        // A colleague in the same tenant sees everything.
        as(a.colleague()).get("/v0/registries/" + reg).then().statusCode(200);
        as(a.colleague()).get("/v0/proxy-caches/" + pc).then().statusCode(200);
    }
}
