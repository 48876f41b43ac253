package io.mcremulator.server.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /v0/registries/{registry_id}/members} (2026-05): add (role defaults to guest), list with {@code meta}
 * paging and {@code _sort}, get, update the role, delete; the API's errors for a bad body, an unknown user, a
 * duplicate, another tenant's registry. Bodies are validated against the 2026-05 file by the contract filter.
 */
class MembersApiTest extends ApiTestBase {

    private String members(String registry) {
        return "/v0/registries/" + registry + "/members";
    }

    private String userOf(Caller c) {
        return as(c).post("/v0/users").then().statusCode(201).extract().path("id");
    }

    private Response add(Caller owner, String registry, Object body) {
        return as(owner).contentType(ContentType.JSON).body(body).post(members(registry));
    }

    private void advanceClock(int seconds) {
        RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("seconds", seconds))
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(200);
    }

    @Test
    void addWithoutRoleMakesAGuest() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(Caller.random());
        Response r = add(owner, registry, Map.of("user_id", user));
        r.then()
                .statusCode(201)
                .body("registry_id", equalTo(registry))
                .body("user_id", equalTo(user))
                .body("role", equalTo("guest"))
                .body("created_at", equalTo(r.path("updated_at")));
        String id = r.path("id");
        as(owner)
                .get(members(registry) + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("role", equalTo("guest"));
    }

    @Test
    void addWithARoleAndAUserOfTheSameTenant() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(owner.colleague());
        add(owner, registry, Map.of("user_id", user, "role", "developer"))
                .then()
                .statusCode(201)
                .body("role", equalTo("developer"));
    }

    @Test
    void addRefusesABadBody() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(Caller.random());
        assertError(add(owner, registry, Map.of("user_id", user, "role", "admin")), 400, "bad_request");
        add(owner, registry, Map.of("user_id", user, "role", "admin"))
                .then()
                .body("message", containsString("developer, guest"))
                .body("detail.field", equalTo("role"));
        assertError(add(owner, registry, Map.of("user_id", "not-a-uuid")), 400, "bad_request");
        assertError(add(owner, registry, Map.of("role", "guest")), 400, "bad_request");
        assertError(add(owner, registry, Map.of("user_id", 42)), 400, "bad_request");
        assertError(add(owner, registry, "[]"), 400, "bad_request");
        assertError(add(owner, registry, "{"), 400, "bad_request");
        as(owner).get(members(registry)).then().body("meta.page.total", equalTo(0));
    }

    @Test
    void addNeedsAnExistingRegistryUser() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        Caller noUser = Caller.random();
        Response r = add(owner, registry, Map.of("user_id", noUser.userId()));
        assertError(r, 404, "not_found");
        r.then().body("detail.resource", equalTo("user"));
    }

    @Test
    void aDuplicateMembershipIsAConflict() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(Caller.random());
        add(owner, registry, Map.of("user_id", user)).then().statusCode(201);
        assertError(add(owner, registry, Map.of("user_id", user, "role", "developer")), 409, "conflict");
        as(owner).get(members(registry)).then().body("meta.page.total", equalTo(1));
    }

    @Test
    void anotherTenantsRegistryIsNotFoundForEveryOperation() {
        Caller owner = Caller.random();
        Caller stranger = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(stranger);
        String member = add(owner, registry, Map.of("user_id", user)).path("id");
        assertError(add(stranger, registry, Map.of("user_id", user)), 404, "not_found");
        assertError(as(stranger).get(members(registry)), 404, "not_found");
        assertError(as(stranger).get(members(registry) + "/" + member), 404, "not_found");
        assertError(
                as(stranger)
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "developer"))
                        .patch(members(registry) + "/" + member),
                404,
                "not_found");
        assertError(as(stranger).delete(members(registry) + "/" + member), 404, "not_found");
        as(owner).get(members(registry) + "/" + member).then().statusCode(200).body("role", equalTo("guest"));
    }

    @Test
    void pathsMustBeUuidsAndNameExistingThings() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String other = createRegistry(owner, uniqueName("m"));
        String member =
                add(owner, registry, Map.of("user_id", userOf(Caller.random()))).path("id");
        assertError(as(owner).get("/v0/registries/nope/members"), 400, "bad_request");
        assertError(as(owner).get(members(registry) + "/nope"), 400, "bad_request");
        assertError(as(owner).get(members(UUID.randomUUID().toString())), 404, "not_found");
        assertError(as(owner).get(members(registry) + "/" + UUID.randomUUID()), 404, "not_found");
        assertError(as(owner).get(members(other) + "/" + member), 404, "not_found");
        assertError(as(owner).delete(members(other) + "/" + member), 404, "not_found");
    }

    @Test
    void updateChangesTheRoleAndUpdatedAt() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        Response added = add(owner, registry, Map.of("user_id", userOf(Caller.random())));
        String member = added.path("id");
        advanceClock(60);
        Response updated = as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "developer"))
                .patch(members(registry) + "/" + member);
        updated.then()
                .statusCode(200)
                .body("id", equalTo(member))
                .body("role", equalTo("developer"))
                .body("created_at", equalTo(added.path("created_at")))
                .body("updated_at", not(equalTo(added.path("updated_at"))));
        as(owner).get(members(registry) + "/" + member).then().body("role", equalTo("developer"));
    }

    @Test
    void updateRefusesABadBody() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String member =
                add(owner, registry, Map.of("user_id", userOf(Caller.random()))).path("id");
        String path = members(registry) + "/" + member;
        assertError(as(owner).contentType(ContentType.JSON).body(Map.of()).patch(path), 400, "bad_request");
        assertError(
                as(owner)
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "owner"))
                        .patch(path),
                400,
                "bad_request");
        assertError(
                as(owner)
                        .contentType(ContentType.JSON)
                        .body(Map.of("role", "developer"))
                        .patch(members(registry) + "/" + UUID.randomUUID()),
                404,
                "not_found");
        as(owner).get(path).then().body("role", equalTo("guest"));
    }

    @Test
    void deleteRemovesTheMembership() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String user = userOf(Caller.random());
        String member = add(owner, registry, Map.of("user_id", user)).path("id");
        as(owner).delete(members(registry) + "/" + member).then().statusCode(204);
        assertError(as(owner).get(members(registry) + "/" + member), 404, "not_found");
        assertError(as(owner).delete(members(registry) + "/" + member), 404, "not_found");
        add(owner, registry, Map.of("user_id", user)).then().statusCode(201);
    }

    @Test
    void listPagesAndSortsNewestFirstByDefault() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        String a = userOf(Caller.random());
        String b = userOf(Caller.random());
        String c = userOf(Caller.random());
        add(owner, registry, Map.of("user_id", a, "role", "guest")).then().statusCode(201);
        advanceClock(1);
        add(owner, registry, Map.of("user_id", b, "role", "developer")).then().statusCode(201);
        advanceClock(1);
        add(owner, registry, Map.of("user_id", c, "role", "guest")).then().statusCode(201);
        as(owner)
                .get(members(registry))
                .then()
                .statusCode(200)
                .body("results.user_id", contains(c, b, a))
                .body("meta.page.total", equalTo(3))
                .body("meta.page.count", equalTo(3))
                .body("meta.page.offset", equalTo(0))
                .body("meta.page.limit", equalTo(20));
        as(owner)
                .queryParam("_limit", 1)
                .queryParam("_offset", 1)
                .get(members(registry))
                .then()
                .body("results.user_id", contains(b))
                .body("meta.page.count", equalTo(1))
                .body("meta.page.total", equalTo(3));
        as(owner)
                .queryParam("_sort", "created_at:asc")
                .get(members(registry))
                .then()
                .body("results.user_id", contains(a, b, c));
        as(owner)
                .queryParam("_sort", "role:asc,created_at:asc")
                .get(members(registry))
                .then()
                .body("results.user_id", contains(b, a, c));
        as(owner).queryParam("_offset", 5).get(members(registry)).then().body("results", hasSize(0));
    }

    @Test
    void listRefusesBadPagingParams() {
        Caller owner = Caller.random();
        String registry = createRegistry(owner, uniqueName("m"));
        assertError(as(owner).queryParam("_sort", "created_at").get(members(registry)), 400, "bad_request");
        assertError(as(owner).queryParam("_sort", "name:asc").get(members(registry)), 400, "bad_request");
        assertError(as(owner).queryParam("_limit", 0).get(members(registry)), 400, "bad_request");
        assertError(as(owner).queryParam("_offset", -1).get(members(registry)), 400, "bad_request");
    }

    @Test
    void deletingTheRegistryDeletesItsMembers() {
        Caller owner = Caller.random();
        String name = uniqueName("m");
        String registry = createRegistry(owner, name);
        add(owner, registry, Map.of("user_id", userOf(Caller.random()))).then().statusCode(201);
        as(owner).delete("/v0/registries/" + registry).then().statusCode(204);
        assertError(as(owner).get(members(registry)), 404, "not_found");
        String again = createRegistry(owner, name);
        as(owner).get(members(again)).then().statusCode(200).body("meta.page.total", equalTo(0));
        RestAssured.given()
                .baseUri(server.baseUrl())
                .queryParam("tenant", owner.tenantId())
                .get("/_emulator/export")
                .then()
                .statusCode(200)
                .body("registries.find { it.name == '" + name + "' }.id", equalTo(again))
                .body("registries.find { it.name == '" + name + "' }.members", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void membersAreServedUnderRegionalPrefixesAndNeedTheirScopes() {
        Caller owner = Caller.random();
        String prefix = "/br-ne1/container-registry";
        String registry = as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("name", uniqueName("m")))
                .post(prefix + "/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Caller guest = Caller.random();
        String user = as(guest)
                .post(prefix + "/v0/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertError(add(owner, registry, Map.of("user_id", user)), 404, "not_found"); // registry is in br-ne1
        as(owner)
                .contentType(ContentType.JSON)
                .body(Map.of("user_id", user))
                .post(prefix + members(registry))
                .then()
                .statusCode(201);
        as(owner).get(prefix + members(registry)).then().statusCode(200).body("meta.page.total", equalTo(1));
        assertError(anonymous().get(prefix + members(registry)), 401, "unauthorized");
        Caller reader = new Caller(
                owner.tenantId(),
                owner.userId(),
                owner.email(),
                Caller.jwt(owner.tenantId(), owner.userId(), owner.email(), "mcr.read"));
        as(reader).get(prefix + members(registry)).then().statusCode(200);
        assertError(
                as(reader)
                        .contentType(ContentType.JSON)
                        .body(Map.of("user_id", user))
                        .post(prefix + members(registry)),
                403,
                "forbidden");
    }
}
