package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /v0/users} (2026-05): a registry user is the caller's identity; createUser is idempotent; getUser answers
 * the caller's or 404; deleteUser removes it (only by itself) with its memberships. Bodies are validated against
 * the 2026-05 file by the contract filter.
 */
class UsersApiTest extends ApiTestBase {

    @Test
    void createUserMakesTheCallerARegistryUserNamedByItsSub() {
        Caller alice = Caller.random();
        assertError(as(alice).get("/v0/users"), 404, "not_found");
        Response created = as(alice).post("/v0/users");
        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", equalTo(alice.userId()))
                .body("username", equalTo(alice.userId()))
                .body("created_at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        as(alice)
                .get("/v0/users")
                .then()
                .statusCode(200)
                .body("id", equalTo(alice.userId()))
                .body("username", equalTo(alice.userId()))
                .body("created_at", equalTo(created.path("created_at")));
    }

    @Test
    void aSecondCreateUserAnswersTheSameUser() {
        Caller alice = Caller.random();
        Response first = as(alice).post("/v0/users");
        first.then().statusCode(201);
        fixAndAdvanceClock(5);
        as(alice)
                .post("/v0/users")
                .then()
                .statusCode(201)
                .body("id", equalTo(first.path("id")))
                .body("created_at", equalTo(first.path("created_at")));
    }

    @Test
    void theGoSdkShapeOfCreateUserIsAccepted() {
        Caller alice = Caller.random();
        asSdk(alice).body("{}").post("/v0/users").then().statusCode(201).body("id", equalTo(alice.userId()));
        asSdk(alice).get("/v0/users").then().statusCode(200);
    }

    @Test
    void aSubThatIsNotAUuidGetsAGeneratedId() {
        String tenant = UUID.randomUUID().toString();
        Caller bob = new Caller(tenant, "bob", "bob@example.com", Caller.jwt(tenant, "bob", "bob@example.com", null));
        String id = as(bob).post("/v0/users")
                .then()
                .statusCode(201)
                .body("username", equalTo("bob"))
                .extract()
                .path("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void theSameSubInTwoTenantsIsTwoUsers() {
        Caller one = Caller.random();
        String otherTenant = UUID.randomUUID().toString();
        Caller same = new Caller(
                otherTenant, one.userId(), one.email(), Caller.jwt(otherTenant, one.userId(), one.email(), null));
        String first =
                as(one).post("/v0/users").then().statusCode(201).extract().path("id");
        String second =
                as(same).post("/v0/users").then().statusCode(201).extract().path("id");
        assertThat(first).isEqualTo(one.userId());
        assertThat(second).isNotEqualTo(first);
        as(one).get("/v0/users").then().body("id", equalTo(first));
        as(same).get("/v0/users").then().body("id", equalTo(second));
    }

    @Test
    void deleteUserRemovesTheCallersUser() {
        Caller alice = Caller.random();
        String id = as(alice).post("/v0/users").then().statusCode(201).extract().path("id");
        as(alice).delete("/v0/users/" + id).then().statusCode(204);
        assertError(as(alice).get("/v0/users"), 404, "not_found");
        assertError(as(alice).delete("/v0/users/" + id), 404, "not_found");
        as(alice).post("/v0/users").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void deleteUserOfSomeoneElseIsForbiddenInTheTenantAndNotFoundOutside() {
        Caller alice = Caller.random();
        Caller colleague = alice.colleague();
        Caller stranger = Caller.random();
        String id = as(alice).post("/v0/users").then().statusCode(201).extract().path("id");
        Response forbidden = as(colleague).delete("/v0/users/" + id);
        assertError(forbidden, 403, "forbidden");
        forbidden.then().body("message", containsString("only be deleted by itself"));
        assertError(as(stranger).delete("/v0/users/" + id), 404, "not_found");
        as(alice).get("/v0/users").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void deleteUserChecksItsPath() {
        Caller alice = Caller.random();
        assertError(as(alice).delete("/v0/users/not-a-uuid"), 400, "bad_request");
        assertError(as(alice).delete("/v0/users/" + UUID.randomUUID()), 404, "not_found");
    }

    @Test
    void deleteUserRemovesItsMemberships() {
        Caller owner = Caller.random();
        Caller guest = Caller.random();
        String registry = createRegistry(owner, uniqueName("du"));
        String userId =
                as(guest).post("/v0/users").then().statusCode(201).extract().path("id");
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", userId))
                .post("/v0/registries/" + registry + "/members")
                .then()
                .statusCode(201);
        as(owner).get("/v0/registries/" + registry + "/members").then().body("meta.page.total", equalTo(1));
        as(guest).delete("/v0/users/" + userId).then().statusCode(204);
        as(owner)
                .get("/v0/registries/" + registry + "/members")
                .then()
                .statusCode(200)
                .body("meta.page.total", equalTo(0));
    }

    @Test
    void usersArePerRegionAndServedUnderRegionalPrefixes() {
        Caller alice = Caller.random();
        as(alice)
                .post("/br-ne1/container-registry/v0/users")
                .then()
                .statusCode(201)
                .body("id", equalTo(alice.userId()));
        as(alice).get("/br-ne1/container-registry/v0/users").then().statusCode(200);
        assertError(as(alice).get("/v0/users"), 404, "not_found");
        assertError(as(alice).get("/br-se1/container-registry/v0/users"), 404, "not_found");
    }

    @Test
    void usersNeedAuthenticationAndTheirScopes() {
        assertError(anonymous().get("/v0/users"), 401, "unauthorized");
        assertError(anonymous().post("/v0/users"), 401, "unauthorized");
        Caller reader = Caller.random("mcr.read");
        assertError(as(reader).post("/v0/users"), 403, "forbidden");
        assertError(as(reader).delete("/v0/users/" + reader.userId()), 403, "forbidden");
        Caller writer = Caller.random("mcr.write");
        as(writer).post("/v0/users").then().statusCode(201);
        assertError(as(writer).get("/v0/users"), 403, "forbidden");
    }

    @Test
    void anApiKeyCallerIsItsMappedUser() {
        Caller alice = Caller.random();
        String key = "key-" + UUID.randomUUID();
        seed(Map.of(
                "api_keys",
                java.util.List.of(Map.of("key", key, "tenant", alice.tenantId(), "user_id", alice.userId()))));
        anonymous()
                .header("X-API-Key", key)
                .post("/v0/users")
                .then()
                .statusCode(201)
                .body("username", equalTo(alice.userId()));
        as(alice).get("/v0/users").then().statusCode(200).body("id", equalTo(alice.userId()));
    }

    private void fixAndAdvanceClock(int seconds) {
        io.restassured.RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("seconds", seconds))
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(200);
    }
}
