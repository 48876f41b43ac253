package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** _limit, _offset, _sort and meta.page on every list operation, and the Go SDK's ListAll loop. */
class PagingAndSortTest extends ApiTestBase {
    private Caller c;
    private String registryId;
    private String repositoryId;

    @BeforeAll
    void data() {
        c = Caller.random();
        registryId = seedRegistry(
                c,
                uniqueName("paging"),
                List.of(repo(
                        "team/app",
                        List.of(
                                image(digest("p1"), 1, "2024-01-01T00:00:00Z", "a"),
                                image(digest("p2"), 2, "2024-01-02T00:00:00Z", "b")))));
        repositoryId =
                as(c).get("/v1/registries/" + registryId + "/repositories").path("results[0].id");
        createProxyCache(c, uniqueName("pc"));
    }

    Stream<String> lists() {
        return Stream.of(
                "/v0/registries",
                "/v0/proxy-caches",
                "/v1/registries/" + registryId + "/repositories",
                "/v1/registries/" + registryId + "/repositories/" + repositoryId + "/images",
                "/v0/registries/" + registryId + "/repositories",
                "/v0/registries/" + registryId + "/repositories/team/app/images");
    }

    @ParameterizedTest
    @MethodSource("lists")
    void limitAndOffsetAreValidated(String list) {
        for (String bad : List.of("0", "-1", "abc", "1.5", "")) {
            Response r = as(c).queryParam("_limit", bad).get(list);
            assertError(r, 400, "bad_request");
            r.then().body("message", containsString("_limit"));
        }
        for (String bad : List.of("-1", "x", "2.0")) {
            Response r = as(c).queryParam("_offset", bad).get(list);
            assertError(r, 400, "bad_request");
            r.then().body("message", containsString("_offset"));
        }
        as(c).queryParam("_limit", 1)
                .queryParam("_offset", 0)
                .get(list)
                .then()
                .statusCode(200)
                .body("meta.page.limit", equalTo(1))
                .body("meta.page.offset", equalTo(0))
                .body("meta.page.count", equalTo(1));
        as(c).queryParam("_offset", 1000)
                .get(list)
                .then()
                .statusCode(200)
                .body("results.size()", equalTo(0))
                .body("meta.page.count", equalTo(0))
                .body("meta.page.offset", equalTo(1000));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void sortIsValidatedAgainstThePatternAndTheResourcesFields(String list) {
        for (String bad : List.of("name", "name:ASC", "name:asc,", ":asc", "name:up", "name:asc;created_at:desc")) {
            Response r = as(c).queryParam("_sort", bad).get(list);
            assertError(r, 400, "bad_request");
            r.then().body("message", containsString("_sort"));
        }
        Response unknown = as(c).queryParam("_sort", "colour:asc").get(list);
        assertError(unknown, 400, "bad_request");
        unknown.then().body("message", containsString("colour"));
        as(c).queryParam("_sort", "").get(list).then().statusCode(200);
    }

    @Test
    void defaultLimitIs20AndTotalCountsAllPages() {
        Caller owner = Caller.random();
        for (int i = 0; i < 25; i++) createRegistry(owner, uniqueName("many"));
        as(owner)
                .get("/v0/registries")
                .then()
                .body("meta.page.limit", equalTo(20))
                .body("meta.page.count", equalTo(20))
                .body("meta.page.total", equalTo(25));
        as(owner)
                .queryParam("_offset", 20)
                .get("/v0/registries")
                .then()
                .body("meta.page.count", equalTo(5))
                .body("meta.page.offset", equalTo(20))
                .body("meta.page.total", equalTo(25));
    }

    @Test
    void theGoSdkListAllLoopSeesEveryItemOnce() {
        Caller owner = Caller.random();
        List<Map<String, Object>> regs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            String name = uniqueName("all");
            expected.add(name);
            regs.add(Map.of("tenant", owner.tenantId(), "name", name));
        }
        seed(Map.of("registries", regs));
        List<String> seen = new ArrayList<>();
        int offset = 0;
        int pages = 0;
        while (true) {
            List<String> page = asSdk(owner)
                    .queryParam("_limit", 50)
                    .queryParam("_offset", offset)
                    .queryParam("_sort", "name:asc")
                    .get("/v0/registries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("results.name");
            seen.addAll(page);
            pages++;
            if (page.size() < 50) break;
            offset += 50;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
    }

    @Test
    void multiKeySortWithAStableTieBreak() {
        Caller owner = Caller.random();
        String ts = "2024-05-15T19:56:47Z";
        String p = UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> pcs = List.of(
                Map.of(
                        "tenant",
                        owner.tenantId(),
                        "name",
                        "c-" + p,
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "created_at",
                        ts),
                Map.of(
                        "tenant",
                        owner.tenantId(),
                        "name",
                        "a-" + p,
                        "provider",
                        "aws-ecr",
                        "url",
                        "https://ecr.aws",
                        "created_at",
                        ts),
                Map.of(
                        "tenant",
                        owner.tenantId(),
                        "name",
                        "b-" + p,
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "created_at",
                        ts),
                Map.of(
                        "tenant",
                        owner.tenantId(),
                        "name",
                        "d-" + p,
                        "provider",
                        "aws-ecr",
                        "url",
                        "https://ecr.aws",
                        "created_at",
                        ts));
        seed(Map.of("proxy_caches", pcs));
        as(owner)
                .queryParam("_sort", "provider:desc,name:asc")
                .get("/v0/proxy-caches")
                .then()
                .body("results.name", equalTo(List.of("b-" + p, "c-" + p, "a-" + p, "d-" + p)));
        // Equal created_at everywhere: the default sort still gives one order (tie-break by name), every time.
        for (int i = 0; i < 3; i++) {
            as(owner)
                    .get("/v0/proxy-caches")
                    .then()
                    .body("results.name", equalTo(List.of("a-" + p, "b-" + p, "c-" + p, "d-" + p)));
        }
        as(owner)
                .queryParam("_sort", "created_at:desc")
                .queryParam("_limit", 2)
                .queryParam("_offset", 2)
                .get("/v0/proxy-caches")
                .then()
                .body("results.name", equalTo(List.of("c-" + p, "d-" + p)));
    }

    @Test
    void registriesSortByNameAndStorage() {
        Caller owner = Caller.random();
        String p = UUID.randomUUID().toString().substring(0, 6);
        seed(Map.of(
                "registries",
                List.of(
                        Map.of(
                                "tenant",
                                owner.tenantId(),
                                "name",
                                "b-" + p,
                                "repositories",
                                List.of(Map.of(
                                        "name",
                                        "x",
                                        "images",
                                        List.of(image(digest("big" + p), 500, "2024-01-01T00:00:00Z"))))),
                        Map.of("tenant", owner.tenantId(), "name", "a-" + p),
                        Map.of(
                                "tenant",
                                owner.tenantId(),
                                "name",
                                "c-" + p,
                                "repositories",
                                List.of(Map.of(
                                        "name",
                                        "y",
                                        "images",
                                        List.of(image(digest("small" + p), 5, "2024-01-01T00:00:00Z"))))))));
        as(owner)
                .queryParam("_sort", "name:desc")
                .get("/v0/registries")
                .then()
                .body("results.name", equalTo(List.of("c-" + p, "b-" + p, "a-" + p)));
        as(owner)
                .queryParam("_sort", "storage_usage_bytes:desc")
                .get("/v0/registries")
                .then()
                .body("results.name", equalTo(List.of("b-" + p, "c-" + p, "a-" + p)));
    }

    @Test
    void imagesSortBySizeAndRepositoriesByName() {
        as(c).queryParam("_sort", "size_bytes:asc")
                .get("/v1/registries/" + registryId + "/repositories/" + repositoryId + "/images")
                .then()
                .body("results.size_bytes", equalTo(List.of(1, 2)));
        as(c).queryParam("_sort", "pushed_at:asc")
                .get("/v0/registries/" + registryId + "/repositories/team/app/images")
                .then()
                .body("results.tags.flatten()", equalTo(List.of("a", "b")));
        as(c).queryParam("_sort", "name:asc,image_count:desc")
                .get("/v1/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200);
    }
}
