package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * v1 repositories and images (by id) and the deprecated v0 routes (by name, names with '/'), on seeded data
 * (repositories come from docker push or seeding; the API has no create route).
 */
class RepositoriesImagesApiTest extends ApiTestBase {
    static final String D1 = digest("one");
    static final String D2 = digest("two");
    static final String D3 = digest("three");

    /** A registry: team/app (3 images), alpine (1), a/b/c (0); returns {registryId, registryName}. */
    private String[] seeded(Caller c) {
        String name = uniqueName("repos");
        String id = UUID.randomUUID().toString();
        Map<String, Object> app = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "name",
                "team/app",
                "created_at",
                "2024-03-01T00:00:00Z",
                "images",
                List.of(
                        image(D1, 100, "2024-01-01T00:00:00Z", "latest", "v1"),
                        image(D2, 50, "2024-02-01T00:00:00Z", "v2"),
                        image(D3, 75, "2024-03-01T00:00:00Z")));
        Map<String, Object> alpine = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "name",
                "alpine",
                "created_at",
                "2024-01-01T00:00:00Z",
                "images",
                List.of(image(D1, 100, "2024-01-05T00:00:00Z", "3.19")));
        Map<String, Object> nested = Map.of("name", "a/b/c", "created_at", "2024-02-01T00:00:00Z");
        seed(Map.of(
                "registries",
                List.of(Map.of(
                        "tenant",
                        c.tenantId(),
                        "id",
                        id,
                        "name",
                        name,
                        "repositories",
                        List.of(app, alpine, nested)))));
        return new String[] {id, name};
    }

    private String repoId(Caller c, String registryId, String name) {
        return as(c).queryParam("name", name)
                .get("/v1/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .extract()
                .path("results.find { it.name == '" + name + "' }.id");
    }

    // ------------------------------------------------------------------ v1 repositories

    @Test
    void v1ListHasGoalMetaAndItemsNewestFirst() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        as(c).get("/v1/registries/" + reg[0] + "/repositories")
                .then()
                .statusCode(200)
                .body("goal.total", equalTo(3))
                .body("meta.page.total", equalTo(3))
                .body("meta.page.count", equalTo(3))
                .body("results.name", equalTo(List.of("team/app", "a/b/c", "alpine")))
                .body("results[0].registry_name", equalTo(reg[1]))
                .body("results[0].image_count", equalTo(3))
                .body("results[0].created_at", equalTo("2024-03-01T00:00:00Z"));
    }

    @Test
    void v1ListNameFilter() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        as(c).queryParam("name", "app")
                .get("/v1/registries/" + reg[0] + "/repositories")
                .then()
                .body("results.name", equalTo(List.of("team/app")))
                .body("goal.total", equalTo(1));
    }

    @Test
    void v1GetAndDeleteRepository() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String id = repoId(c, reg[0], "alpine");
        as(c).get("/v1/registries/" + reg[0] + "/repositories/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("alpine"))
                .body("image_count", equalTo(1));
        asSdk(c).body("null")
                .delete("/v1/registries/" + reg[0] + "/repositories/" + id)
                .then()
                .statusCode(204);
        assertError(as(c).get("/v1/registries/" + reg[0] + "/repositories/" + id), 404, "not_found");
        assertError(as(c).get("/v1/registries/" + reg[0] + "/repositories/" + id + "/images"), 404, "not_found");
        as(c).get("/v1/registries/" + reg[0] + "/repositories").then().body("goal.total", equalTo(2));
    }

    @Test
    void v1RepositoryErrors() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String id = repoId(c, reg[0], "alpine");
        assertError(as(c).get("/v1/registries/" + reg[0] + "/repositories/" + UUID.randomUUID()), 404, "not_found");
        Response bad = as(c).get("/v1/registries/" + reg[0] + "/repositories/alpine");
        assertError(bad, 400, "bad_request");
        bad.then().body("message", containsString("repository_id"));
        assertError(as(Caller.random()).get("/v1/registries/" + reg[0] + "/repositories/" + id), 404, "not_found");
        assertError(as(Caller.random()).delete("/v1/registries/" + reg[0] + "/repositories/" + id), 404, "not_found");
        assertError(as(c).get("/v1/registries/" + UUID.randomUUID() + "/repositories"), 404, "not_found");
        // A repository id under another registry of the same tenant is not found there.
        String other = createRegistry(c, uniqueName("other"));
        assertError(as(c).get("/v1/registries/" + other + "/repositories/" + id), 404, "not_found");
    }

    // ------------------------------------------------------------------ v1 images

    @Test
    void v1ImageListHasOnlyTheRequiredFieldsNewestFirst() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String app = repoId(c, reg[0], "team/app");
        Response r = as(c).get("/v1/registries/" + reg[0] + "/repositories/" + app + "/images");
        r.then()
                .statusCode(200)
                .body("results.digest", equalTo(List.of(D3, D2, D1)))
                .body("meta.page.total", equalTo(3))
                .body("results[2].tags", equalTo(List.of("latest", "v1")))
                .body("results[2].size_bytes", equalTo(100))
                .body("results[2].pushed_at", equalTo("2024-01-01T00:00:00Z"))
                .body("results[0].tags", equalTo(List.of()));
        Map<String, Object> first = r.jsonPath().getMap("results[0]");
        assertThat(first).containsOnlyKeys("digest", "size_bytes", "pushed_at", "pulled_at", "tags");
    }

    @Test
    void expandIsAcceptedRepeatedCommaSeparatedAndAsTheGoSdksUnderscoreForm() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v1/registries/" + reg[0] + "/repositories/" + repoId(c, reg[0], "team/app") + "/images";
        Map<String, Object> repeated = as(c).queryParam("expand", "tags_details")
                .queryParam("expand", "media_type")
                .get(base)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("results[2]");
        assertThat(repeated)
                .containsKeys("tags_details", "media_type")
                .doesNotContainKeys("extra_attr", "manifest_media_type");
        Map<String, Object> comma = as(c).queryParam("expand", "extra_attr,manifest_media_type")
                .get(base)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("results[2]");
        assertThat(comma)
                .containsKeys("extra_attr", "manifest_media_type")
                .doesNotContainKeys("tags_details", "media_type");
        assertThat(comma.get("extra_attr")).isEqualTo(Map.of("os", "linux", "architecture", "amd64"));
        Response sdk = asSdk(c).queryParam("_expand", "tags_details,manifest_media_type")
                .get(base);
        sdk.then()
                .statusCode(200)
                .body("results[2].tags_details.name", equalTo(List.of("latest", "v1")))
                .body("results[2].tags_details[0].signed", equalTo(false))
                .body("results[2].tags_details[0].pushed_at", equalTo("2024-01-01T00:00:00Z"))
                .body("results[2].manifest_media_type", equalTo("application/vnd.oci.image.manifest.v1+json"))
                .body("results[2].extra_attr", nullValue());
        Response bad = as(c).queryParam("expand", "everything").get(base);
        assertError(bad, 400, "bad_request");
        bad.then().body("message", containsString("tags_details"));
    }

    @Test
    void imageNameFilterMatchesTags() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v1/registries/" + reg[0] + "/repositories/" + repoId(c, reg[0], "team/app") + "/images";
        as(c).queryParam("name", "v").get(base).then().body("results.digest", equalTo(List.of(D2, D1)));
        as(c).queryParam("name", "lat").get(base).then().body("results.digest", equalTo(List.of(D1)));
        as(c).queryParam("name", "nothing").get(base).then().body("meta.page.total", equalTo(0));
    }

    @Test
    void getImageByDigestOrTagHasDetailsButExtraAttrOnlyWhenAsked() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v1/registries/" + reg[0] + "/repositories/" + repoId(c, reg[0], "team/app") + "/images/";
        Map<String, Object> byTag = as(c).get(base + "v1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(byTag)
                .containsOnlyKeys(
                        "digest",
                        "size_bytes",
                        "pushed_at",
                        "pulled_at",
                        "tags",
                        "manifest_media_type",
                        "media_type",
                        "tags_details");
        assertThat(byTag.get("digest")).isEqualTo(D1);
        as(c).get(base + D1).then().statusCode(200).body("tags", equalTo(List.of("latest", "v1")));
        as(c).queryParam("expand", "extra_attr")
                .get(base + "latest")
                .then()
                .statusCode(200)
                .body("extra_attr.os", equalTo("linux"));
        assertError(as(c).get(base + "missing"), 404, "not_found");
        assertError(as(c).get(base + digest("nope")), 404, "not_found");
    }

    @Test
    void neverPulledImagesShowTheZeroTime() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v1/registries/" + reg[0] + "/repositories/" + repoId(c, reg[0], "team/app") + "/images/";
        as(c).get(base + "v2").then().body("pulled_at", equalTo("0001-01-01T00:00:00Z"));
    }

    @Test
    void deletingByTagDeletesTheWholeImageButKeepsTheRepository() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String repo = repoId(c, reg[0], "team/app");
        String base = "/v1/registries/" + reg[0] + "/repositories/" + repo;
        asSdk(c).body("null").delete(base + "/images/latest").then().statusCode(204);
        assertError(as(c).get(base + "/images/v1"), 404, "not_found");
        assertError(as(c).get(base + "/images/" + D1), 404, "not_found");
        as(c).get(base).then().body("image_count", equalTo(2));
        as(c).delete(base + "/images/" + D2).then().statusCode(204);
        as(c).delete(base + "/images/" + D3).then().statusCode(204);
        as(c).get(base).then().statusCode(200).body("image_count", equalTo(0));
        assertError(as(c).delete(base + "/images/" + D3), 404, "not_found");
        // The same digest in another repository is untouched.
        as(c).get("/v1/registries/" + reg[0] + "/repositories/" + repoId(c, reg[0], "alpine") + "/images/" + D1)
                .then()
                .statusCode(200);
    }

    @Test
    void storageUsageCountsDistinctContent() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        // D1 is in two repositories and is counted once.
        as(c).get("/v0/registries/" + reg[0]).then().body("storage_usage_bytes", equalTo(100 + 50 + 75));
    }

    // ------------------------------------------------------------------ deprecated v0, by name

    @Test
    void v0ListHasItemsWithoutId() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        Response r = asSdk(c).get("/v0/registries/" + reg[0] + "/repositories");
        r.then()
                .statusCode(200)
                .body("results.name", equalTo(List.of("team/app", "a/b/c", "alpine")))
                .body("meta.page.total", equalTo(3));
        assertThat(r.jsonPath().getMap("results[0]"))
                .containsOnlyKeys("registry_name", "name", "image_count", "created_at", "updated_at");
    }

    @Test
    void v0RoutesTakeNamesWithSlashesUnescapedAsTheGoSdkSendsThem() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v0/registries/" + reg[0] + "/repositories/";
        asSdk(c).get(base + "team/app")
                .then()
                .statusCode(200)
                .body("name", equalTo("team/app"))
                .body("image_count", equalTo(3));
        asSdk(c).get(base + "a/b/c").then().statusCode(200).body("name", equalTo("a/b/c"));
        asSdk(c).queryParam("_expand", "tags_details,manifest_media_type")
                .queryParam("_limit", 50)
                .queryParam("_offset", 0)
                .get(base + "team/app/images")
                .then()
                .statusCode(200)
                .body("results.digest", equalTo(List.of(D3, D2, D1)))
                .body("results[2].tags_details.name", hasItem("latest"));
        asSdk(c).get(base + "team/app/images/latest").then().statusCode(200).body("digest", equalTo(D1));
        asSdk(c).get(base + "team/app/images/" + D2).then().statusCode(200).body("tags", equalTo(List.of("v2")));
        asSdk(c).get(base + "a/b/c/images").then().statusCode(200).body("meta.page.total", equalTo(0));
        assertError(asSdk(c).get(base + "team/nope"), 404, "not_found");
        assertError(asSdk(c).get(base + "team/app/images/nope"), 404, "not_found");
        assertError(asSdk(c).get(base + "nope/images"), 404, "not_found");
    }

    @Test
    void v0RoutesTakePercentEncodedSlashes() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v0/registries/" + reg[0] + "/repositories/";
        as(c).urlEncodingEnabled(false)
                .get(base + "team%2Fapp")
                .then()
                .statusCode(200)
                .body("name", equalTo("team/app"));
        as(c).urlEncodingEnabled(false)
                .get(base + "team%2Fapp/images/latest")
                .then()
                .statusCode(200)
                .body("digest", equalTo(D1));
        as(c).urlEncodingEnabled(false).get(base + "a%2Fb%2Fc/images").then().statusCode(200);
    }

    @Test
    void v0DeletesImageThenRepository() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String base = "/v0/registries/" + reg[0] + "/repositories/";
        asSdk(c).body("null").delete(base + "team/app/images/v2").then().statusCode(204);
        asSdk(c).get(base + "team/app").then().body("image_count", equalTo(2));
        asSdk(c).body("null").delete(base + "team/app").then().statusCode(204);
        assertError(asSdk(c).get(base + "team/app"), 404, "not_found");
        assertError(asSdk(c).body("null").delete(base + "team/app"), 404, "not_found");
        assertError(asSdk(c).delete(base + "alpine/images"), 405, "method_not_allowed");
        as(c).get(base + "alpine").then().statusCode(200);
    }

    @Test
    void v0AndV1SeeTheSameState() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        String id = repoId(c, reg[0], "alpine");
        as(c).delete("/v0/registries/" + reg[0] + "/repositories/alpine/images/3.19")
                .then()
                .statusCode(204);
        as(c).get("/v1/registries/" + reg[0] + "/repositories/" + id).then().body("image_count", equalTo(0));
    }

    @Test
    void v0RoutesAreTenantIsolatedAndValidateTheRegistryId() {
        Caller c = Caller.random();
        String[] reg = seeded(c);
        assertError(as(Caller.random()).get("/v0/registries/" + reg[0] + "/repositories/team/app"), 404, "not_found");
        assertError(as(Caller.random()).get("/v0/registries/" + reg[0] + "/repositories"), 404, "not_found");
        assertError(as(c).get("/v0/registries/bad/repositories/team/app"), 400, "bad_request");
    }
}
