package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportImportAndSnapshotsTest extends ControlTestSupport {
    private static final String SEED = """
            {"users":[{"tenant":"t1","id":"u1","password":"Secret-Password-1","api_key":"33333333-3333-4333-8333-333333333333"}],
             "proxy_caches":[{"tenant":"t1","id":"0c6bbd87-0000-4000-8000-000000000001","name":"hub","provider":"docker-hub",
                              "url":"https://registry-1.docker.io","created_at":"2024-05-15T19:56:47Z"}],
             "registries":[{"tenant":"t1","id":"0c6bbd87-0000-4000-8000-000000000002","name":"reg-one","created_at":"2024-05-15T19:56:47Z",
                            "proxy_cache_id":"0c6bbd87-0000-4000-8000-000000000001",
                            "repositories":[{"name":"team/app","images":[{"digest":"sha256:%s","tags":["latest","v1"],"size_bytes":1234,
                                             "pushed_at":"2024-06-01T10:00:00Z","extra_attr":{"os":"linux"}}]}]},
                           {"region":"br-ne1","tenant":"t2","name":"reg-two"}]}
            """.formatted("a".repeat(64));

    private void seed(String json) {
        given().body(json).post("/_emulator/seed").then().statusCode(204);
    }

    @Test
    void exportIsAVersionedSeedDocumentThatImportsBackToTheSameState() {
        seed(SEED);
        String key = "33333333-3333-4333-8333-333333333333";
        String reg = "0c6bbd87-0000-4000-8000-000000000002";
        String registryBefore = as(key).get("/v0/registries/" + reg).asString();
        String imagesBefore =
                as(key).get("/v1/registries/" + reg + "/repositories").asString();
        String cacheBefore = as(key).get("/v0/proxy-caches/0c6bbd87-0000-4000-8000-000000000001")
                .asString();

        String doc = given().get("/_emulator/export")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("content.included", equalTo(false))
                .body("registries", hasSize(2))
                .body("api_keys[0].key", equalTo(key))
                .body("users[0].password", equalTo("Secret-Password-1"))
                .body("registries[0].repositories[0].images[0].tags", org.hamcrest.Matchers.contains("latest", "v1"))
                .extract()
                .asString();

        given().post("/_emulator/reset").then().statusCode(204);
        as(key).get("/v0/registries/" + reg).then().statusCode(404);
        given().body(doc).post("/_emulator/import").then().statusCode(204);

        assertThat(as(key).get("/v0/registries/" + reg).asString()).isEqualTo(registryBefore);
        assertThat(as(key).get("/v1/registries/" + reg + "/repositories").asString())
                .isEqualTo(imagesBefore);
        assertThat(as(key).get("/v0/proxy-caches/0c6bbd87-0000-4000-8000-000000000001")
                        .asString())
                .isEqualTo(cacheBefore);
        // exporting again gives the same document, apart from its own timestamp
        Map<String, Object> again =
                given().get("/_emulator/export").then().extract().path("");
        Map<String, Object> first = io.restassured.path.json.JsonPath.from(doc).getMap("");
        again.remove("exported_at");
        first.remove("exported_at");
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anExportSeedsAFreshServerThroughTheSeedEndpoint() {
        seed(SEED);
        String doc = given().get("/_emulator/export").asString();
        try (McrEmulatorServer other = McrEmulatorServer.builder().build().start()) {
            RestAssured.given()
                    .baseUri(other.baseUrl())
                    .contentType(ContentType.JSON)
                    .body(doc)
                    .post("/_emulator/seed")
                    .then()
                    .statusCode(204);
            String exported = RestAssured.given()
                    .baseUri(other.baseUrl())
                    .get("/_emulator/export")
                    .then()
                    .extract()
                    .path("registries")
                    .toString();
            assertThat(exported)
                    .isEqualTo(given().get("/_emulator/export")
                            .then()
                            .extract()
                            .path("registries")
                            .toString());
        }
    }

    @Test
    void oneTenantExportAndImportLeaveOtherTenantsAlone() {
        seed(SEED);
        String t2 = given().get("/_emulator/export?tenant=t2")
                .then()
                .statusCode(200)
                .body("tenant", equalTo("t2"))
                .body("registries", hasSize(1))
                .body("registries[0].name", equalTo("reg-two"))
                .body("users", hasSize(0))
                .body("proxy_caches", hasSize(0))
                .extract()
                .asString();

        given().post("/_emulator/reset?tenant=t2").then().statusCode(204);
        given().get("/_emulator/export").then().body("registries", hasSize(1));
        given().body(t2).post("/_emulator/import").then().statusCode(204); // the document's tenant scopes the replace
        given().get("/_emulator/export")
                .then()
                .body("registries.name", org.hamcrest.Matchers.containsInAnyOrder("reg-one", "reg-two"));

        // a tenant-scoped import must hold only that tenant
        String all = given().get("/_emulator/export").asString();
        given().body(all)
                .post("/_emulator/import?tenant=t2")
                .then()
                .statusCode(400)
                .body("message", containsString("tenant"));
    }

    @Test
    void aBadImportChangesNothing() {
        seed(SEED);
        String before = given().get("/_emulator/export")
                .then()
                .extract()
                .path("registries")
                .toString();
        String badSecond = """
                {"registries":[{"tenant":"t9","name":"fine"},{"tenant":"t9","name":"NOT VALID"}]}""";
        given().body(badSecond)
                .post("/_emulator/import")
                .then()
                .statusCode(400)
                .body("detail.field", equalTo("registries[1].name"));
        assertThat(given().get("/_emulator/export")
                        .then()
                        .extract()
                        .path("registries")
                        .toString())
                .isEqualTo(before);

        given().body("{\"version\":2}")
                .post("/_emulator/import")
                .then()
                .statusCode(400)
                .body("message", containsString("version"));
        given().body("{\"content\":{\"included\":\"yes\"}}")
                .post("/_emulator/import")
                .then()
                .statusCode(400)
                .body("message", containsString("content.included"));
        given().body("{\"content\":{\"blobs\":[{\"digest\":\"sha256:00\",\"data_base64\":\"AA==\"}]}}")
                .post("/_emulator/import")
                .then()
                .statusCode(400)
                .body("detail.field", equalTo("content.blobs[0].digest"));
        given().body("{}").post("/_emulator/import?mode=sideways").then().statusCode(400);
        assertThat(given().get("/_emulator/export")
                        .then()
                        .extract()
                        .path("registries")
                        .toString())
                .isEqualTo(before);
    }

    @Test
    void mergeImportAddsLikeSeed() {
        seed(SEED);
        given().body("{\"registries\":[{\"tenant\":\"t3\",\"name\":\"reg-three\"}]}")
                .post("/_emulator/import?mode=merge")
                .then()
                .statusCode(204);
        given().get("/_emulator/export").then().body("registries", hasSize(3));
        given().body("{\"registries\":[{\"tenant\":\"t3\",\"name\":\"reg-three\"}]}")
                .post("/_emulator/import?mode=merge")
                .then()
                .statusCode(400);
    }

    @Test
    void namedCheckpointsSaveAndRestoreTheExactState() {
        seed(SEED);
        String key = "33333333-3333-4333-8333-333333333333";
        String password =
                as(key).get("/v0/credentials").then().statusCode(200).extract().path("password");
        given().put("/_emulator/snapshots/base")
                .then()
                .statusCode(201)
                .body("name", equalTo("base"))
                .body("takenAt", org.hamcrest.Matchers.notNullValue());

        createRegistry(key, "added-later");
        as(key).delete("/v0/registries/0c6bbd87-0000-4000-8000-000000000002")
                .then()
                .statusCode(204);
        as(key).post("/v0/credentials/password").then().statusCode(200);

        given().post("/_emulator/snapshots/base/restore").then().statusCode(204);
        List<String> names = as(key).get("/v0/registries").then().extract().path("results.name");
        assertThat(names).containsExactly("reg-one");
        as(key).get("/v0/credentials").then().body("password", equalTo(password));

        createRegistry(key, "again");
        given().post("/_emulator/snapshots/base/restore").then().statusCode(204); // restorable any number of times
        assertThat(as(key).get("/v0/registries").then().extract().<List<String>>path("results.name"))
                .containsExactly("reg-one");

        given().put("/_emulator/snapshots/base").then().statusCode(200);
        given().get("/_emulator/snapshots").then().body("snapshots.name", org.hamcrest.Matchers.contains("base"));
        given().get("/_emulator/snapshots/base")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("registries", hasSize(2));
        given().delete("/_emulator/snapshots/base").then().statusCode(204);
        given().post("/_emulator/snapshots/base/restore").then().statusCode(404).body("slug", equalTo("not_found"));
        given().put("/_emulator/snapshots/bad name!").then().statusCode(400);
    }

    @Test
    void resetKeepsSnapshots() {
        seed(SEED);
        given().put("/_emulator/snapshots/keep").then().statusCode(201);
        given().post("/_emulator/reset").then().statusCode(204);
        given().get("/_emulator/export").then().body("registries", hasSize(0));
        given().post("/_emulator/snapshots/keep/restore").then().statusCode(204);
        given().get("/_emulator/export").then().body("registries", hasSize(2));
    }
}
