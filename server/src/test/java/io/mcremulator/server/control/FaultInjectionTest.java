package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mcremulator.server.operation.Operation;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends ControlTestSupport {

    @Test
    void goSdkRetryPatternFailsTheFirstTwoCreatesWith503ThenSucceeds() {
        String id = addFault("{\"operationId\":\"createRegistry\",\"status\":503,\"firstN\":2}");

        for (int attempt = 1; attempt <= 2; attempt++) {
            as(TENANT_A)
                    .body("{\"name\":\"retried\"}")
                    .post("/v0/registries")
                    .then()
                    .statusCode(503)
                    .contentType("application/json")
                    .body("slug", equalTo("service_unavailable"))
                    .body("detail.injected_fault", equalTo(id));
        }
        as(TENANT_A)
                .body("{\"name\":\"retried\"}")
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .body("name", equalTo("retried"));
        // the failed attempts created nothing: the handler never ran
        as(TENANT_A).get("/v0/registries").then().body("results", hasSize(1));

        given().get("/_emulator/faults/" + id)
                .then()
                .statusCode(200)
                .body("matched", equalTo(3))
                .body("fired", equalTo(2));
        List<Integer> statuses = given().get("/_emulator/requests?operationId=createRegistry")
                .then()
                .statusCode(200)
                .extract()
                .path("requests.status");
        assertThat(statuses).containsExactly(503, 503, 201);
        given().get("/_emulator/requests?faultId=" + id).then().body("count", equalTo(2));
    }

    @Test
    void tooManyRequestsCarriesRetryAfterDefaultOneSecondOrAsConfigured() {
        addFault("{\"operationId\":\"getRegistries\",\"status\":429,\"firstN\":1}");
        as(TENANT_A)
                .get("/v0/registries")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .body("slug", equalTo("too_many_requests"));
        as(TENANT_A).get("/v0/registries").then().statusCode(200);

        addFault(
                "{\"operationId\":\"getRegistries\",\"status\":429,\"retryAfterSeconds\":7,\"slug\":\"slow_down\",\"message\":\"calm\"}");
        as(TENANT_A)
                .get("/v0/registries")
                .then()
                .statusCode(429)
                .header("Retry-After", "7")
                .body("slug", equalTo("slow_down"))
                .body("message", equalTo("calm"));
    }

    @Test
    void everyNthFiresOnMultiplesOnly() {
        addFault("{\"operationId\":\"getRegistries\",\"status\":500,\"everyNth\":3}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++)
            statuses.add(as(TENANT_A).get("/v0/registries").statusCode());
        assertThat(statuses).containsExactly(200, 200, 500, 200, 200, 500, 200);
    }

    @Test
    void probabilityIsDrawnFromTheSeedSameSeedSameSequence() {
        List<Integer> first = statusesWithProbabilityRule(99);
        stopServer();
        startServer();
        List<Integer> second = statusesWithProbabilityRule(99);
        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    private List<Integer> statusesWithProbabilityRule(long seed) {
        addFault("{\"operationId\":\"getRegistries\",\"status\":500,\"probability\":0.5,\"seed\":" + seed + "}");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) out.add(as(TENANT_A).get("/v0/registries").statusCode());
        return out;
    }

    @Test
    void matchesByTenantRegionMethodAndPath() {
        addFault("{\"tenant\":\"" + TENANT_A + "\",\"method\":\"GET\",\"path\":\"/v0/registries\",\"status\":403}");
        as(TENANT_A).get("/v0/registries").then().statusCode(403);
        as(TENANT_B).get("/v0/registries").then().statusCode(200);
        as(TENANT_A)
                .body("{\"name\":\"post-is-not-get\"}")
                .post("/v0/registries")
                .then()
                .statusCode(201);
        given().delete("/_emulator/faults").then().statusCode(204);

        addFault("{\"region\":\"br-ne1\",\"path\":\"/**/registries/*\",\"status\":500}");
        String id = createRegistry(TENANT_A, "regional");
        as(TENANT_A).get("/v0/registries/" + id).then().statusCode(200);
        as(TENANT_A)
                .get("/br-ne1/container-registry/v0/registries/" + id)
                .then()
                .statusCode(500);
        as(TENANT_A).get("/br-ne1/container-registry/v0/registries").then().statusCode(200);
    }

    @Test
    void matchesTheRoutePatternAndThePreciseIdOfTheMultiplexedV0Route() {
        String reg = createRegistry(TENANT_A, "multi");
        addFault("{\"operationId\":\"getImages\",\"status\":502}");
        addFault("{\"path\":\"/v0/registries/{registry_id}\",\"method\":\"DELETE\",\"status\":409}");
        as(TENANT_A)
                .get("/v0/registries/" + reg + "/repositories/team/app/images")
                .then()
                .statusCode(502);
        as(TENANT_A)
                .get("/v0/registries/" + reg + "/repositories/team/app")
                .then()
                .statusCode(404)
                .body("slug", equalTo("not_found"));
        as(TENANT_A).delete("/v0/registries/" + reg).then().statusCode(409).body("slug", equalTo("conflict"));
    }

    @Test
    void delayHoldsTheRequestThenItSucceeds() {
        addFault("{\"operationId\":\"getRegistries\",\"delayMs\":300,\"firstN\":1}");
        as(TENANT_A).get("/v0/registries").then().statusCode(200);
        double ms = given().get("/_emulator/requests?operationId=getRegistries")
                .then()
                .extract()
                .<Float>path("requests[0].durationMs")
                .doubleValue();
        assertThat(ms).isGreaterThanOrEqualTo(300.0);
    }

    @Test
    void randomDelayStaysInItsRangeAndDelayCombinesWithAnError() {
        addFault("{\"operationId\":\"getRegistries\",\"delayMs\":50,\"delayMaxMs\":120,\"seed\":5}");
        addFault("{\"operationId\":\"getRegistries\",\"status\":503}");
        as(TENANT_A).get("/v0/registries").then().statusCode(503);
        Response r = given().get("/_emulator/requests?operationId=getRegistries");
        assertThat(r.<Float>path("requests[0].durationMs").doubleValue()).isGreaterThanOrEqualTo(50.0);
        assertThat(r.<String>path("requests[0].faultId")).isEqualTo("fault-2");
    }

    @Test
    void dropClosesTheConnectionWithoutAnyResponse() throws Exception {
        addFault("{\"operationId\":\"getRegistries\",\"drop\":true,\"firstN\":1}");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /v0/registries HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + TENANT_A + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] got = in.readAllBytes();
            assertThat(new String(got, StandardCharsets.ISO_8859_1)).isEmpty();
        }
        as(TENANT_A).get("/v0/registries").then().statusCode(200);
        given().get("/_emulator/requests?operationId=getRegistries")
                .then()
                .body("requests[0].dropped", equalTo(true))
                .body("requests[0].status", equalTo(0))
                .body("requests[1].status", equalTo(200));
    }

    @Test
    void ociRoutesAnswerInTheOciErrorFormat() {
        List<String> ociOps =
                given().get("/_emulator/operations?api=oci").then().extract().path("operations.operationId");
        Assumptions.assumeTrue(ociOps.contains("ociPing"), "this build has no OCI /v2 routes yet (operation ociPing)");
        addFault("{\"operationId\":\"ociPing\",\"status\":503}");
        given().get("/v2/").then().statusCode(503).body("errors[0].code", equalTo("UNAVAILABLE"));
    }

    @Test
    void rulesAreListedShownAndRemoved() {
        String a = addFault("{\"id\":\"slow-list\",\"operationId\":\"getRegistries\",\"delayMs\":1}");
        String b = addFault("{\"operationId\":\"deleteRegistry\",\"status\":500}");
        assertThat(a).isEqualTo("slow-list");
        given().get("/_emulator/faults")
                .then()
                .statusCode(200)
                .body("faults.id", org.hamcrest.Matchers.contains("slow-list", b));
        given().delete("/_emulator/faults/" + a).then().statusCode(204);
        given().get("/_emulator/faults/" + a).then().statusCode(404).body("slug", equalTo("not_found"));
        given().delete("/_emulator/faults/" + a).then().statusCode(404);
        given().get("/_emulator/faults").then().body("faults", hasSize(1));
        given().post("/_emulator/reset").then().statusCode(204);
        given().get("/_emulator/faults").then().body("faults", hasSize(0));
    }

    @Test
    void badRulesAreRefusedWithAClearMessageAndNothingIsAdded() {
        bad("{\"operationId\":\"createRegistryy\",\"status\":503}", "operationId");
        bad("{\"operationId\":\"reset\",\"status\":503}", "test-control");
        bad("{\"path\":\"/_emulator/reset\",\"status\":503}", "test-control");
        bad("{\"operationId\":\"createRegistry\"}", "give an effect");
        bad("{\"status\":503,\"drop\":true}", "drop");
        bad("{\"status\":200}", "status");
        bad("{\"status\":503,\"firstN\":1,\"everyNth\":2}", "exclude each other");
        bad("{\"status\":503,\"probability\":1.5}", "probability");
        bad("{\"status\":503,\"statsu\":1}", "statsu");
        bad("{\"delayMs\":10,\"delayMaxMs\":5}", "delayMaxMs");
        bad("{\"status\":503,\"region\":\"mars\"}", "region");
        bad("[1]", "JSON object");
        given().get("/_emulator/faults").then().body("faults", hasSize(0));

        addFault("{\"id\":\"dup\",\"status\":503,\"operationId\":\"getRegistry\"}");
        given().body("{\"id\":\"dup\",\"status\":500}")
                .post("/_emulator/faults")
                .then()
                .statusCode(409)
                .body("slug", equalTo("conflict"));
    }

    private void bad(String body, String mentions) {
        given().body(body)
                .post("/_emulator/faults")
                .then()
                .statusCode(400)
                .body("slug", equalTo("bad_request"))
                .body("message", containsString(mentions));
    }

    @Test
    void controlApiIsNeverFaulted() {
        addFault("{\"path\":\"/**\",\"status\":500}");
        as(TENANT_A).get("/v0/registries").then().statusCode(500);
        given().get("/_emulator/health").then().statusCode(200);
        assertThat(server.operations().stream().filter(o -> o.kind() == Operation.Kind.CONTROL))
                .isNotEmpty();
    }
}
