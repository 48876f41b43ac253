package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestJournalTest extends ControlTestSupport {

    @Test
    void recordsOperationTenantRegionStatusAndBodies() {
        String id = createRegistry(TENANT_A, "journaled");
        as(TENANT_B)
                .get("/br-ne1/container-registry/v0/registries/" + id + "?x=1")
                .then()
                .statusCode(404);

        Response r = given().get("/_emulator/requests");
        r.then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("size", equalTo(2))
                .body("evicted", equalTo(0));
        r.then()
                .body("requests[0].seq", equalTo(1))
                .body("requests[0].operationId", equalTo("createRegistry"))
                .body("requests[0].api", equalTo("management"))
                .body("requests[0].method", equalTo("POST"))
                .body("requests[0].path", equalTo("/v0/registries"))
                .body("requests[0].endpointPath", equalTo("/v0/registries"))
                .body("requests[0].tenant", equalTo(TENANT_A))
                .body("requests[0].region", equalTo("br-se1"))
                .body("requests[0].status", equalTo(201))
                .body("requests[0].requestBody", equalTo("{\"name\":\"journaled\"}"))
                .body("requests[0].responseBody", containsString(id))
                .body("requests[0].unmatched", equalTo(false))
                .body("requests[0].requestId", org.hamcrest.Matchers.notNullValue());
        r.then()
                .body("requests[1].operationId", equalTo("getRegistry"))
                .body("requests[1].endpointPath", equalTo("/{region}/container-registry/v0/registries/{registry_id}"))
                .body("requests[1].tenant", equalTo(TENANT_B))
                .body("requests[1].region", equalTo("br-ne1"))
                .body("requests[1].query", equalTo("x=1"))
                .body("requests[1].status", equalTo(404))
                .body("requests[1].responseBody", containsString("not_found"));
        assertThat(r.<Float>path("requests[0].durationMs")).isGreaterThanOrEqualTo(0f);
    }

    @Test
    void queriesByEveryField() {
        String id = createRegistry(TENANT_A, "one");
        createRegistry(TENANT_B, "two");
        as(TENANT_A).get("/v0/registries/" + id).then().statusCode(200);
        as(TENANT_A).get("/br-ne1/container-registry/v0/registries").then().statusCode(200);
        as(TENANT_A)
                .delete("/v0/registries/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(404);

        count("operationId=createRegistry", 2);
        count("operationId=createRegistry&tenant=" + TENANT_B, 1);
        count("method=delete", 1);
        count("status=404", 1);
        count("status=2xx", 4);
        count("region=br-ne1", 1);
        count("region=br-se1", 4);
        count("path=/v0/registries/*", 2);
        given().queryParam("path", "/v0/registries/{registry_id}")
                .get("/_emulator/requests")
                .then()
                .body("count", equalTo(2));
        count("bodyContains=\"name\":\"two\"", 1);
        count("since=3", 2);
        count("limit=2", 2);
        given().get("/_emulator/requests?operationId=createRegistry&bodyContains=one")
                .then()
                .body("requests[0].requestBody", containsString("\"one\""));
    }

    @Test
    void resolvesThePreciseOperationOfTheMultiplexedV0Route() {
        String id = createRegistry(TENANT_A, "v0");
        as(TENANT_A)
                .get("/v0/registries/" + id + "/repositories/team/app/images")
                .then()
                .statusCode(404);
        as(TENANT_A)
                .get("/v0/registries/" + id + "/repositories/team/app/images/latest")
                .then()
                .statusCode(404);
        as(TENANT_A)
                .get("/v0/registries/" + id + "/repositories/team/app")
                .then()
                .statusCode(404);
        List<String> ops =
                given().get("/_emulator/requests?method=GET").then().extract().path("requests.operationId");
        assertThat(ops).containsExactly("getImages", "getImage", "getRepository");
    }

    @Test
    void isABoundedRingBuffer() {
        given().body("{\"capacity\":3}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(200)
                .body("capacity", equalTo(3))
                .body("maxBodyBytes", equalTo(4096))
                .body("recordUnmatched", equalTo(true));
        for (int i = 0; i < 5; i++)
            as(TENANT_A).get("/v0/registries?_offset=" + i).then().statusCode(200);
        given().get("/_emulator/requests")
                .then()
                .body("size", equalTo(3))
                .body("evicted", equalTo(2))
                .body("requests.query", org.hamcrest.Matchers.contains("_offset=2", "_offset=3", "_offset=4"));
        given().body("{\"capacity\":-1}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(400);
        given().body("{\"capacity\":2000000}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(400);
        given().get("/_emulator/requests/settings").then().body("capacity", equalTo(3));
    }

    @Test
    void defaultCapacityIsTenThousandAndConfigurable() {
        given().get("/_emulator/requests/settings").then().body("capacity", equalTo(10_000));
        stopServer();
        server = builder().control(new ControlSettings(50, 100, false)).build().start();
        given().get("/_emulator/requests/settings")
                .then()
                .body("capacity", equalTo(50))
                .body("maxBodyBytes", equalTo(100))
                .body("recordUnmatched", equalTo(false));
    }

    @Test
    void capacityZeroSwitchesTheJournalOff() {
        given().body("{\"capacity\":0}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(200);
        as(TENANT_A).get("/v0/registries").then().statusCode(200);
        as(TENANT_A).get("/v0/nope").then().statusCode(404);
        given().get("/_emulator/requests").then().body("size", equalTo(0)).body("evicted", equalTo(0));
    }

    @Test
    void truncatesBodiesKeepingTheirSize() {
        given().body("{\"maxBodyBytes\":10}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(200);
        createRegistry(TENANT_A, "a-rather-long-registry-name");
        given().get("/_emulator/requests")
                .then()
                .body("requests[0].requestBody", equalTo("{\"name\":\"a"))
                .body("requests[0].requestBodyTruncated", equalTo(true))
                .body("requests[0].requestBodySize", equalTo(38))
                .body("requests[0].responseBodyTruncated", equalTo(true));
    }

    @Test
    void requestsToRoutesThatDoNotExistAreRecordedAsUnmatched() {
        as(TENANT_A).get("/v0/registriez").then().statusCode(404);
        as(TENANT_A).put("/v0/registries").then().statusCode(405);
        as(TENANT_A).get("/v0/registries").then().statusCode(200);

        given().get("/_emulator/requests/unmatched")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("requests[0].path", equalTo("/v0/registriez"))
                .body("requests[0].operationId", nullValue())
                .body("requests[0].unmatched", equalTo(true))
                .body("requests[0].status", equalTo(404))
                .body("requests[0].tenant", equalTo(TENANT_A))
                .body("requests[1].method", equalTo("PUT"))
                .body("requests[1].status", equalTo(405));
        count("unmatched=false", 1);

        given().body("{\"recordUnmatched\":false}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(200);
        given().get("/v0/nothing-here").then().statusCode(404);
        given().get("/_emulator/requests/unmatched").then().body("count", equalTo(2));
    }

    @Test
    void controlCallsAreNotRecordedAndClearEmptiesTheJournal() {
        given().get("/_emulator/health").then().statusCode(200);
        as(TENANT_A).get("/v0/registries").then().statusCode(200);
        given().get("/_emulator/requests").then().body("count", equalTo(1));
        given().delete("/_emulator/requests").then().statusCode(204);
        given().get("/_emulator/requests").then().body("requests", hasSize(0)).body("size", equalTo(0));
    }

    @Test
    void badQueriesAreRefused() {
        given().get("/_emulator/requests?operationID=x")
                .then()
                .statusCode(400)
                .body("message", containsString("operationId"));
        given().get("/_emulator/requests?status=abc").then().statusCode(400).body("slug", equalTo("bad_request"));
        given().get("/_emulator/requests?limit=-1").then().statusCode(400);
        given().get("/_emulator/requests?unmatched=maybe").then().statusCode(400);
        given().body("{\"capacty\":3}")
                .put("/_emulator/requests/settings")
                .then()
                .statusCode(400)
                .body("message", containsString("capacty"));
    }

    private void count(String query, int expected) {
        given().get("/_emulator/requests?" + query).then().statusCode(200).body("count", equalTo(expected));
    }
}
