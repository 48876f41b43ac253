package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** createRegistry, getRegistries, getRegistry, deleteRegistry. */
class RegistriesApiTest extends ApiTestBase {

    private Response create(Caller c, Object body) {
        return asSdk(c).body(body).post("/v0/registries");
    }

    @Test
    void createAnswers201WithIdAndNameAndNoProxyCacheIdKeyWhenUnset() {
        Caller c = Caller.random();
        String name = uniqueName("reg");
        Response r = create(c, Map.of("name", name));
        r.then().statusCode(201).body("name", equalTo(name));
        Map<String, Object> created = r.jsonPath().getMap("");
        assertThat(created).containsOnlyKeys("id", "name"); // Terraform: absent, never ""
        String id = (String) created.get("id");
        Map<String, Object> got = as(c).get("/v0/registries/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(got)
                .doesNotContainKey("proxy_cache_id")
                .containsEntry("id", id)
                .containsEntry("name", name)
                .containsEntry("storage_usage_bytes", 0);
        assertThat((String) got.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(got.get("updated_at")).isEqualTo(got.get("created_at"));
    }

    @Test
    void emptyProxyCacheIdCountsAsUnset() {
        Caller c = Caller.random();
        Response r = create(c, Map.of("name", uniqueName("reg"), "proxy_cache_id", ""));
        r.then().statusCode(201);
        assertThat(r.jsonPath().getMap("")).doesNotContainKey("proxy_cache_id");
        assertThat(as(c).get("/v0/registries/" + r.path("id")).jsonPath().getMap(""))
                .doesNotContainKey("proxy_cache_id");
    }

    @Test
    void proxyCacheIdIsEchoedInCreateAndGetAndList() {
        Caller c = Caller.random();
        String pc = createProxyCache(c, uniqueName("pc"));
        String name = uniqueName("cache");
        Response r = create(c, Map.of("name", name, "proxy_cache_id", pc));
        r.then().statusCode(201).body("proxy_cache_id", equalTo(pc));
        as(c).get("/v0/registries/" + r.path("id")).then().statusCode(200).body("proxy_cache_id", equalTo(pc));
        as(c).queryParam("name", name).get("/v0/registries").then().body("results[0].proxy_cache_id", equalTo(pc));
    }

    @Test
    void unknownOrForeignProxyCacheIs404AndMalformedIs400() {
        Caller c = Caller.random();
        String foreign = createProxyCache(Caller.random(), uniqueName("pc"));
        String name = uniqueName("reg");
        assertError(
                create(
                        c,
                        Map.of("name", name, "proxy_cache_id", UUID.randomUUID().toString())),
                404,
                "not_found");
        assertError(create(c, Map.of("name", name, "proxy_cache_id", foreign)), 404, "not_found");
        Response bad = create(c, Map.of("name", name, "proxy_cache_id", "not-a-uuid"));
        assertError(bad, 400, "bad_request");
        bad.then().body("message", containsString("proxy_cache_id"));
        // None of them created anything: the name is still free.
        create(c, Map.of("name", name)).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "cool_registry", "my-registry", "v1.2.3", "0abc", "a-b_c.d"})
    void validNames(String base) {
        String name = base.length() > 1
                ? base + "-" + UUID.randomUUID().toString().substring(0, 6)
                : base + UUID.randomUUID().toString().substring(0, 6);
        create(Caller.random(), Map.of("name", name)).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPPER", "has space", "-lead", "trail-", "dou--ble", "a..b", "ümlaut", "a/b", "a:b", ""})
    void invalidNamesAre400NamingTheField(String name) {
        Response r = create(Caller.random(), Map.of("name", name));
        assertError(r, 400, "bad_request");
        r.then().body("message", containsString("name"));
    }

    @Test
    void namesUpTo63CharactersAreAcceptedAnd64Refused() {
        String prefix = uniqueName("n");
        String n63 = prefix + "x".repeat(63 - prefix.length());
        create(Caller.random(), Map.of("name", n63)).then().statusCode(201);
        Response r = create(Caller.random(), Map.of("name", n63 + "y"));
        assertError(r, 400, "bad_request");
        r.then().body("message", containsString("63"));
    }

    @Test
    void namesAreGloballyUniqueAcrossTenants() {
        String name = uniqueName("global");
        create(Caller.random(), Map.of("name", name)).then().statusCode(201);
        Response r = create(Caller.random(), Map.of("name", name));
        assertError(r, 409, "conflict");
        r.then().body("message", containsString(name));
    }

    @Test
    void missingWrongTypedAndMalformedBodiesAre400() {
        Caller c = Caller.random();
        assertError(create(c, Map.of()), 400, "bad_request");
        assertError(create(c, "null"), 400, "bad_request");
        assertError(create(c, "[]"), 400, "bad_request");
        Response malformed = create(c, "{\"name\": ");
        assertError(malformed, 400, "bad_request");
        malformed
                .then()
                .body("message", containsString("not valid JSON"))
                .body("message", containsString("line 1"))
                .body("message", org.hamcrest.Matchers.not(containsString("REDACTED")));
        Response typed = create(c, Map.of("name", 42));
        assertError(typed, 400, "bad_request");
        typed.then().body("message", containsString("'name'")).body("message", containsString("string"));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertError(create(c, nullName), 400, "bad_request");
        assertError(create(c, Map.of("name", uniqueName("r"), "proxy_cache_id", 7)), 400, "bad_request");
    }

    @Test
    void unknownFieldsAreIgnored() {
        create(Caller.random(), Map.of("name", uniqueName("r"), "colour", "blue"))
                .then()
                .statusCode(201);
    }

    @Test
    void listShowsOnlyTheCallersRegistriesWithPageMeta() {
        Caller c = Caller.random();
        String a = uniqueName("list-a");
        String b = uniqueName("list-b");
        createRegistry(c, a);
        createRegistry(c, b);
        createRegistry(Caller.random(), uniqueName("other"));
        as(c).get("/v0/registries")
                .then()
                .statusCode(200)
                .body("results.name", equalTo(List.of(a, b)))
                .body("meta.page.count", equalTo(2))
                .body("meta.page.total", equalTo(2))
                .body("meta.page.limit", equalTo(20))
                .body("meta.page.offset", equalTo(0));
    }

    @Test
    void nameFilterIsACaseSensitiveSubstring() {
        Caller c = Caller.random();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        createRegistry(c, "alpha-" + tag);
        createRegistry(c, "beta-" + tag);
        createRegistry(c, "gamma");
        as(c).queryParam("name", tag).get("/v0/registries").then().body("meta.page.total", equalTo(2));
        as(c).queryParam("name", "alpha")
                .get("/v0/registries")
                .then()
                .body("results.name", equalTo(List.of("alpha-" + tag)));
        as(c).queryParam("name", "ALPHA").get("/v0/registries").then().body("meta.page.total", equalTo(0));
        as(c).queryParam("name", "").get("/v0/registries").then().body("meta.page.total", equalTo(3));
    }

    @Test
    void getOfUnknownForeignAndMalformedIds() {
        Caller c = Caller.random();
        String foreign = createRegistry(Caller.random(), uniqueName("foreign"));
        assertError(as(c).get("/v0/registries/" + UUID.randomUUID()), 404, "not_found");
        assertError(as(c).get("/v0/registries/" + foreign), 404, "not_found");
        Response bad = as(c).get("/v0/registries/not-a-uuid");
        assertError(bad, 400, "bad_request");
        bad.then().body("message", containsString("registry_id"));
    }

    @Test
    void deleteAnswers204ThenTheRegistryIsGoneAndItsNameFree() {
        Caller c = Caller.random();
        String name = uniqueName("del");
        String id = createRegistry(c, name);
        // The Go SDK sends the literal body null on DELETE.
        asSdk(c).body("null").delete("/v0/registries/" + id).then().statusCode(204);
        assertError(as(c).get("/v0/registries/" + id), 404, "not_found");
        assertError(as(c).delete("/v0/registries/" + id), 404, "not_found");
        createRegistry(Caller.random(), name);
    }

    @Test
    void deleteOfAForeignRegistryIs404AndLeavesIt() {
        Caller owner = Caller.random();
        String id = createRegistry(owner, uniqueName("keep"));
        assertError(as(Caller.random()).delete("/v0/registries/" + id), 404, "not_found");
        as(owner).get("/v0/registries/" + id).then().statusCode(200);
        assertError(as(owner).delete("/v0/registries/nope"), 400, "bad_request");
    }

    @Test
    void deleteCascadesToRepositoriesAndImages() {
        Caller c = Caller.random();
        String name = uniqueName("cascade");
        String id = seedRegistry(
                c, name, List.of(repo("team/app", List.of(image(digest("x"), 10, "2024-05-15T19:56:47Z", "latest")))));
        as(c).get("/v0/registries/" + id).then().body("storage_usage_bytes", equalTo(10));
        as(c).delete("/v0/registries/" + id).then().statusCode(204);
        assertError(as(c).get("/v0/registries/" + id + "/repositories"), 404, "not_found");
        // Re-creating the name gives an empty registry.
        String again = createRegistry(c, name);
        as(c).get("/v1/registries/" + again + "/repositories").then().body("meta.page.total", equalTo(0));
    }

    @Test
    void createdRegistryIsInTheRegionItWasCreatedIn() {
        Caller c = Caller.random();
        String id = createRegistry(c, uniqueName("region"));
        as(c).get("/br-se1/container-registry/v0/registries/" + id).then().statusCode(200);
        assertError(as(c).get("/br-ne1/container-registry/v0/registries/" + id), 404, "not_found");
    }

    @Test
    void requestBodyContentTypeIsNotRequired() {
        as(Caller.random())
                .body("{\"name\":\"" + uniqueName("noct") + "\"}")
                .contentType(ContentType.TEXT)
                .post("/v0/registries")
                .then()
                .statusCode(201);
    }
}
