package io.mcremulator.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error is written by one writer with the catalogue's codes: the same status gets the same OCI code under /v2
 * and the same slug elsewhere, whether a fault injected it or routing produced it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorFormatsTest {
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private McrEmulatorServer server;

    @BeforeAll
    void start() {
        server = McrEmulatorServer.builder().build().start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @AfterEach
    void clearFaults() {
        given().delete("/_emulator/faults").then().statusCode(204);
    }

    private RequestSpecification given() {
        return RestAssured.given().baseUri(server.baseUrl());
    }

    @Test
    void anInjected503IsUnavailableUnderV2AndServiceUnavailableElsewhere() {
        addFault("{\"operationId\":\"ociCatalog\",\"status\":503}");
        addFault("{\"operationId\":\"getRegistries\",\"status\":503}");
        given().get("/v2/_catalog")
                .then()
                .statusCode(503)
                .contentType("application/json")
                .header("Docker-Distribution-Api-Version", "registry/2.0")
                .body("errors[0].code", equalTo("UNAVAILABLE"));
        given().header("X-API-Key", TENANT)
                .get("/v0/registries")
                .then()
                .statusCode(503)
                .contentType("application/json")
                .body("slug", equalTo("service_unavailable"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 418, 429, 500, 502, 503, 504})
    void anInjectedStatusTakesTheCataloguesCodesInBothFormats(int status) {
        addFault("{\"operationId\":\"ociTagsList\",\"status\":" + status + "}");
        addFault("{\"operationId\":\"getRegistry\",\"status\":" + status + "}");
        ErrorCode entry = ErrorCode.mcrForStatus(status);
        given().get("/v2/team/app/tags/list")
                .then()
                .statusCode(status)
                .body("errors[0].code", equalTo(entry.ociCode()));
        given().header("X-API-Key", TENANT)
                .get("/v0/registries/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(status)
                .body("slug", equalTo(entry.slug()));
    }

    @Test
    void routingErrorsUnderV2AreInTheOciFormat() {
        given().get("/v2/_catalog/nothing/here/at/all")
                .then()
                .statusCode(404)
                .header("Docker-Distribution-Api-Version", "registry/2.0")
                .body("errors[0].code", equalTo("NAME_UNKNOWN"))
                .body("errors[0].detail", nullValue());
        given().put("/service/token").then().statusCode(405).body("errors[0].code", equalTo("UNSUPPORTED"));
        given().get("/v0/nothing")
                .then()
                .statusCode(404)
                .body("slug", equalTo("not_found"))
                .body("detail.size()", equalTo(0));
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethodsInEveryPlane() {
        assertAllow(given().header("X-API-Key", TENANT).put("/v0/registries"), List.of("GET", "HEAD", "POST"));
        assertAllow(
                given().header("X-API-Key", TENANT).delete("/br-ne1/container-registry/v0/credentials"),
                List.of("GET", "HEAD"));
        assertAllow(given().patch("/_emulator/faults"), List.of("DELETE", "GET", "HEAD", "POST"));
        assertAllow(given().options("/v0/registries"), List.of("GET", "HEAD", "POST"));
        Response oci = given().put("/v2/_catalog");
        assertAllow(oci, List.of("GET", "HEAD"));
        oci.then().body("errors[0].code", equalTo("UNSUPPORTED"));
        given().header("X-API-Key", TENANT)
                .put("/v0/registries")
                .then()
                .body("slug", equalTo("method_not_allowed"))
                .body("message", containsString("PUT"));
    }

    private static void assertAllow(Response r, List<String> methods) {
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.header("X-Request-ID")).isNotBlank();
        assertThat(List.of(r.header("Allow").split(",\\s*"))).containsExactlyInAnyOrderElementsOf(methods);
    }

    private void addFault(String json) {
        given().contentType(ContentType.JSON)
                .body(json)
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
    }
}
