package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicModeTest extends ControlTestSupport {
    private static final Instant T0 = Instant.parse("2024-05-15T19:56:47Z");

    @Override
    McrEmulatorServer.Builder builder() {
        return McrEmulatorServer.builder().deterministic(42, T0);
    }

    @Test
    void twoFreshServersWithTheSameSeedAndClockAnswerTheSameCallsIdentically() {
        List<String> first = scenario(server);
        try (McrEmulatorServer other = builder().build().start()) {
            assertThat(scenario(other)).isEqualTo(first);
        }
        try (McrEmulatorServer otherSeed =
                McrEmulatorServer.builder().deterministic(43, T0).build().start()) {
            assertThat(scenario(otherSeed)).isNotEqualTo(first);
        }
    }

    /** Bodies of a call sequence: ids, passwords, created_at and updated_at included. */
    private static List<String> scenario(McrEmulatorServer s) {
        List<String> out = new ArrayList<>();
        String reg = call(s).body("{\"name\":\"det\"}")
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        out.add(reg);
        String id = io.restassured.path.json.JsonPath.from(reg).getString("id");
        out.add(call(s).body("{\"name\":\"pc\",\"provider\":\"docker-hub\",\"url\":\"https://registry-1.docker.io\"}")
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .asString());
        out.add(call(s).get("/v0/credentials").then().statusCode(200).extract().asString());
        RestAssured.given()
                .baseUri(s.baseUrl())
                .contentType(ContentType.JSON)
                .body("{\"by\":\"PT90M\"}")
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(200);
        out.add(call(s).post("/v0/credentials/password")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        out.add(call(s).get("/v0/registries/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        out.add(call(s).get("/v0/proxy-caches").then().statusCode(200).extract().asString());
        return out;
    }

    private static RequestSpecification call(McrEmulatorServer s) {
        return RestAssured.given()
                .baseUri(s.baseUrl())
                .contentType(ContentType.JSON)
                .header("X-API-Key", TENANT_A);
    }

    @Test
    void fixedClockStampsCreatedAtAndAdvanceMovesUpdatedAt() {
        given().get("/_emulator/clock")
                .then()
                .statusCode(200)
                .body("now", equalTo("2024-05-15T19:56:47Z"))
                .body("fixed", equalTo(true))
                .body("controllable", equalTo(true));
        String pc = as(TENANT_A)
                .body("{\"name\":\"pc\",\"provider\":\"docker-hub\",\"url\":\"https://registry-1.docker.io\"}")
                .post("/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().body("{\"seconds\":3600}")
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(200)
                .body("now", equalTo("2024-05-15T20:56:47Z"));
        as(TENANT_A)
                .body("{\"description\":\"changed\"}")
                .patch("/v0/proxy-caches/" + pc)
                .then()
                .statusCode(200);
        as(TENANT_A)
                .get("/v0/proxy-caches/" + pc)
                .then()
                .body("created_at", equalTo("2024-05-15T19:56:47Z"))
                .body("updated_at", equalTo("2024-05-15T20:56:47Z"));

        given().body("{\"at\":\"2030-01-01T00:00:00Z\"}")
                .post("/_emulator/clock/fix")
                .then()
                .statusCode(200)
                .body("now", equalTo("2030-01-01T00:00:00Z"));
        as(TENANT_A).body("{\"name\":\"later\"}").post("/v0/registries").then().statusCode(201);
        as(TENANT_A)
                .get("/v0/registries?name=later")
                .then()
                .body("results[0].created_at", equalTo("2030-01-01T00:00:00Z"));

        given().post("/_emulator/clock/resume").then().statusCode(200).body("fixed", equalTo(false));
        Instant now =
                Instant.parse(given().get("/_emulator/clock").then().extract().path("now"));
        assertThat(now).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void badClockRequestsAreRefused() {
        given().body("{\"by\":\"an hour\"}")
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(400)
                .body("message", containsString("ISO-8601"));
        given().body("{\"by\":\"-PT1H\"}")
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(400)
                .body("message", containsString("negative"));
        given().body("{}").post("/_emulator/clock/advance").then().statusCode(400);
        given().body("{\"at\":\"yesterday\"}")
                .post("/_emulator/clock/fix")
                .then()
                .statusCode(400)
                .body("message", containsString("RFC 3339"));
        given().get("/_emulator/clock").then().body("now", equalTo("2024-05-15T19:56:47Z"));
    }

    @Test
    void aCustomClockCannotBeControlled() {
        stopServer();
        server = McrEmulatorServer.builder()
                .engine(EmulatorConfig.builder()
                        .clock(Clock.fixed(T0, ZoneOffset.UTC))
                        .build())
                .build()
                .start();
        given().get("/_emulator/clock").then().body("controllable", equalTo(false));
        given().body("{\"seconds\":1}")
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(409)
                .body("slug", equalTo("conflict"));
    }
}
