package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v2 auth: the Bearer challenge, the token endpoint, password resets, tenant isolation, unknown registries. */
class OciAuthTest {
    OciFixture f;

    @BeforeEach
    void start() {
        f = new OciFixture();
        f.createRegistry("authreg");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anonymousPingGets401WithBearerChallengeAndOciBody() {
        RestAssured.given()
                .baseUri(f.base())
                .get("/v2/")
                .then()
                .statusCode(401)
                .header(
                        "WWW-Authenticate",
                        "Bearer realm=\"http://" + f.server.registryHost()
                                + "/service/token\",service=\"mcr-emulator\"")
                .header("Docker-Distribution-Api-Version", "registry/2.0")
                .body("errors[0].code", equalTo("UNAUTHORIZED"));
        RestAssured.given()
                .baseUri(f.base())
                .get("/v2/authreg/app/tags/list")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("scope=\"repository:authreg/app:pull\""));
    }

    @Test
    void tokenEndpointTakesBasicAndRepeatedScopesAndTheTokenOpensV2() {
        var r = RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, f.password)
                .get(
                        "/service/token?service=mcr-emulator&scope=repository:authreg/app:pull,push&scope=repository:authreg/base:pull&account=x&client_id=docker&offline_token=true");
        r.then()
                .statusCode(200)
                .body("token", notNullValue())
                .body("expires_in", equalTo(1800))
                .body("issued_at", notNullValue());
        String token = r.path("token");
        assertThat(r.<String>path("access_token")).isEqualTo(token);
        RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer " + token)
                .get("/v2/")
                .then()
                .statusCode(200)
                .body(equalTo("{}"));
        RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer nonsense")
                .get("/v2/")
                .then()
                .statusCode(401);
    }

    @Test
    void oauth2PasswordFormAlsoGivesAToken() {
        String token = RestAssured.given()
                .baseUri(f.base())
                .formParam("grant_type", "password")
                .formParam("username", f.username)
                .formParam("password", f.password)
                .formParam("service", "mcr-emulator")
                .post("/service/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer " + token)
                .get("/v2/")
                .then()
                .statusCode(200);
        RestAssured.given()
                .baseUri(f.base())
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "x")
                .post("/service/token")
                .then()
                .statusCode(401);
    }

    @Test
    void wrongPasswordIs401AtTheTokenEndpointAndOnV2() {
        RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, "wrong")
                .get("/service/token")
                .then()
                .statusCode(401)
                .body("errors[0].code", equalTo("UNAUTHORIZED"));
        RestAssured.given().baseUri(f.base()).get("/service/token").then().statusCode(401);
        RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, "wrong")
                .get("/v2/")
                .then()
                .statusCode(401);
    }

    @Test
    void passwordResetKillsOldPasswordAndItsTokensAtOnce() {
        String token = RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, f.password)
                .get("/service/token")
                .path("token");
        String oldPassword = f.password;
        String newPassword = f.mgmt()
                .post("/v0/credentials/password")
                .then()
                .statusCode(200)
                .extract()
                .path("password");
        assertThat(newPassword).isNotEqualTo(oldPassword);
        RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer " + token)
                .get("/v2/")
                .then()
                .statusCode(401);
        RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, oldPassword)
                .get("/v2/")
                .then()
                .statusCode(401);
        RestAssured.given()
                .baseUri(f.base())
                .auth()
                .preemptive()
                .basic(f.username, newPassword)
                .get("/v2/")
                .then()
                .statusCode(200);
    }

    @Test
    void anotherTenantsRegistryIsDeniedAndAnUnknownRegistrySaysToCreateIt() {
        String other = OciFixture.jwt("tenant-b", "user-b");
        RestAssured.given()
                .baseUri(f.base())
                .header("Authorization", "Bearer " + other)
                .contentType("application/json")
                .body(Map.of("name", "breg"))
                .post("/v0/registries")
                .then()
                .statusCode(201);
        f.v2().post("/v2/breg/app/blobs/uploads/").then().statusCode(403).body("errors[0].code", equalTo("DENIED"));
        f.v2().get("/v2/breg/app/tags/list").then().statusCode(403).body("errors[0].code", equalTo("DENIED"));
        f.v2().post("/v2/noreg/app/blobs/uploads/")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("NAME_UNKNOWN"))
                .body("errors[0].message", containsString("create it first"));
    }

    @Test
    void basicChallengeIsAnOption() {
        try (OciFixture basic = new OciFixture(
                McrEmulatorServer.builder().oci(OciSettings.defaults().withChallenge(OciSettings.Challenge.BASIC)))) {
            RestAssured.given()
                    .baseUri(basic.base())
                    .get("/v2/")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Basic realm=\"mcr-emulator\"");
            basic.v2().get("/v2/").then().statusCode(200);
        }
    }

    @Test
    void v2ServesTheConfiguredRegion() {
        try (OciFixture ne = new OciFixture(McrEmulatorServer.builder()
                .oci(OciSettings.defaults().withRegion(io.mcremulator.core.Region.BR_NE1)))) {
            // credentials of br-se1 (what OciFixture fetched) do not open br-ne1's /v2
            ne.v2().get("/v2/").then().statusCode(401);
            var creds = ne.mgmt()
                    .get("/br-ne1/container-registry/v0/credentials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            RestAssured.given()
                    .baseUri(ne.base())
                    .auth()
                    .preemptive()
                    .basic(creds.getString("username"), creds.getString("password"))
                    .get("/v2/")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void everyV2ResponseHasTheApiVersionHeaderEvenUnroutedOnes() {
        f.v2().get("/v2/authreg/app/nonsense").then().header("Docker-Distribution-Api-Version", "registry/2.0");
        f.v2().get("/v2/").then().statusCode(200).header("Docker-Distribution-Api-Version", "registry/2.0");
    }
}
