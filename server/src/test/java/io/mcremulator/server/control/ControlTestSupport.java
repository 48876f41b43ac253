package io.mcremulator.server.control;

import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh server per test and gives rest-assured requests against it. */
abstract class ControlTestSupport {
    /** API keys are UUIDs; an unmapped key is its own tenant. */
    static final String TENANT_A = "11111111-1111-4111-8111-111111111111";

    static final String TENANT_B = "22222222-2222-4222-8222-222222222222";

    McrEmulatorServer server;

    McrEmulatorServer.Builder builder() {
        return McrEmulatorServer.builder();
    }

    @BeforeEach
    void startServer() {
        server = builder().build().start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop();
    }

    RequestSpecification given() {
        return RestAssured.given().baseUri(server.baseUrl()).contentType(ContentType.JSON);
    }

    /** A management-API request as tenant {@code key}. */
    RequestSpecification as(String key) {
        return given().header("X-API-Key", key);
    }

    String createRegistry(String key, String name) {
        return as(key).body("{\"name\":\"" + name + "\"}")
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    String addFault(String json) {
        return given().body(json)
                .post("/_emulator/faults")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
