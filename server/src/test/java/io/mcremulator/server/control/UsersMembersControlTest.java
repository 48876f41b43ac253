package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.mcremulator.server.support.Caller;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The test controls know users and members: {@code /_emulator/operations} lists their operation ids, the journal
 * names them, fault rules target them, and seed, export/import and snapshots carry registry users and members.
 */
class UsersMembersControlTest extends ControlTestSupport {
    static final List<String> IDS = List.of(
            "createUser",
            "getUser",
            "deleteUser",
            "addRegistryMember",
            "getRegistryMembers",
            "getRegistryMember",
            "updateRegistryMember",
            "deleteRegistryMember");

    private RequestSpecification as(Caller c) {
        return given().header("Authorization", c.bearer());
    }

    private String user(Caller c) {
        return as(c).post("/v0/users").then().statusCode(201).extract().path("id");
    }

    private String registry(Caller c, String name) {
        return as(c).body(Map.of("name", name))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String member(Caller owner, String registry, String userId, String role) {
        return as(owner)
                .body(Map.of("user_id", userId, "role", role))
                .post("/v0/registries/" + registry + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void operationsListsTheUsersAndMembersOperationsUnderBothPrefixes() {
        List<Map<String, Object>> ops = given().get("/_emulator/operations?api=management")
                .then()
                .statusCode(200)
                .extract()
                .path("operations");
        for (String id : IDS) {
            Map<String, Object> op = ops.stream()
                    .filter(o -> id.equals(o.get("operationId")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(id + " not listed"));
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) op.get("paths");
            assertThat(paths).anyMatch(p -> p.startsWith("/v0/"));
            assertThat(paths).anyMatch(p -> p.startsWith("/{region}/container-registry/v0/"));
        }
        Map<String, Object> add = ops.stream()
                .filter(o -> "addRegistryMember".equals(o.get("operationId")))
                .findFirst()
                .orElseThrow();
        assertThat(add.get("deviations").toString()).contains("409");
    }

    @Test
    void theJournalNamesTheOperationsAndNothingIsUnmatched() {
        Caller owner = Caller.random();
        Caller guest = Caller.random();
        String reg = registry(owner, "journal");
        String m = member(owner, reg, user(guest), "guest");
        as(owner).get("/v0/registries/" + reg + "/members").then().statusCode(200);
        as(owner).get("/br-ne1/container-registry/v0/users").then().statusCode(404);
        as(owner)
                .body(Map.of("role", "developer"))
                .patch("/v0/registries/" + reg + "/members/" + m)
                .then()
                .statusCode(200);
        List<String> ids = given().get("/_emulator/requests").then().extract().path("requests.operationId");
        assertThat(ids)
                .contains("createUser", "addRegistryMember", "getRegistryMembers", "getUser", "updateRegistryMember");
        given().get("/_emulator/requests/unmatched").then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void aFaultRuleTargetsAMembersOperation() {
        Caller owner = Caller.random();
        String reg = registry(owner, "faulty");
        String userId = user(Caller.random());
        String fault = addFault("{\"operationId\":\"addRegistryMember\",\"status\":503,\"firstN\":1}");
        as(owner)
                .body(Map.of("user_id", userId))
                .post("/v0/registries/" + reg + "/members")
                .then()
                .statusCode(503)
                .body("detail.injected_fault", equalTo(fault));
        as(owner).get("/v0/registries/" + reg + "/members").then().body("meta.page.total", equalTo(0));
        member(owner, reg, userId, "guest");
        addFault("{\"operationId\":\"createUser\",\"status\":429,\"firstN\":1}");
        as(Caller.random()).post("/v0/users").then().statusCode(429);
    }

    @Test
    void exportAndImportCarryUsersMembersAndTheCreator() {
        Caller owner = Caller.random();
        Caller guest = Caller.random();
        String reg = registry(owner, "carried");
        String guestId = user(guest);
        String ownerId = user(owner);
        String m = member(owner, reg, guestId, "developer");
        Map<String, Object> doc = given().get("/_emulator/export")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        given().get("/_emulator/export")
                .then()
                .body("registry_users.id", hasItem(guestId))
                .body("registries[0].created_by", equalTo(owner.userId()))
                .body("registries[0].members[0].id", equalTo(m))
                .body("registries[0].members[0].role", equalTo("developer"));

        given().post("/_emulator/reset").then().statusCode(204);
        as(guest).get("/v0/users").then().statusCode(404);
        given().body(doc).post("/_emulator/import").then().statusCode(204);

        as(guest).get("/v0/users").then().statusCode(200).body("id", equalTo(guestId));
        as(owner).get("/v0/users").then().statusCode(200).body("id", equalTo(ownerId));
        as(owner)
                .get("/v0/registries/" + reg + "/members/" + m)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(guestId))
                .body("role", equalTo("developer"));
    }

    @Test
    void aOneTenantExportLeavesOutMembershipsOfOtherTenantsUsers() {
        Caller owner = Caller.random();
        String reg = registry(owner, "scoped");
        member(owner, reg, user(Caller.random()), "guest");
        member(owner, reg, user(owner.colleague()), "developer");
        given().get("/_emulator/export?tenant=" + owner.tenantId())
                .then()
                .statusCode(200)
                .body("registry_users", hasSize(1))
                .body("registries[0].members", hasSize(1))
                .body("registries[0].members[0].role", equalTo("developer"));
    }

    @Test
    void aSnapshotRestoresUsersAndMembers() {
        Caller owner = Caller.random();
        Caller guest = Caller.random();
        String reg = registry(owner, "snap");
        String m = member(owner, reg, user(guest), "guest");
        given().put("/_emulator/snapshots/base").then().statusCode(201);
        as(owner)
                .body(Map.of("role", "developer"))
                .patch("/v0/registries/" + reg + "/members/" + m)
                .then()
                .statusCode(200);
        String guestId = as(guest).get("/v0/users").then().extract().path("id");
        as(guest).delete("/v0/users/" + guestId).then().statusCode(204);
        given().post("/_emulator/snapshots/base/restore").then().statusCode(204);
        as(guest).get("/v0/users").then().statusCode(200).body("id", equalTo(guestId));
        as(owner)
                .get("/v0/registries/" + reg + "/members/" + m)
                .then()
                .statusCode(200)
                .body("role", equalTo("guest"));
    }

    @Test
    void aSeedDeclaresUsersAndMembers() {
        String tenant = UUID.randomUUID().toString();
        String regId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        Caller guest = new Caller(tenant, "guest-sub", "g@example.com", Caller.jwt(tenant, "guest-sub", null, null));
        given().body(Map.of(
                        "registry_users",
                        List.of(Map.of("tenant", tenant, "id", userId, "username", "guest-sub")),
                        "registries",
                        List.of(Map.of(
                                "tenant",
                                tenant,
                                "id",
                                regId,
                                "name",
                                "seeded-members",
                                "created_by",
                                "owner-sub",
                                "members",
                                List.of(Map.of("user_id", userId))))))
                .post("/_emulator/seed")
                .then()
                .statusCode(204);
        as(guest).get("/v0/users").then().statusCode(200).body("id", equalTo(userId));
        as(guest)
                .get("/v0/registries/" + regId + "/members")
                .then()
                .statusCode(200)
                .body("results[0].user_id", equalTo(userId))
                .body("results[0].role", equalTo("guest"));
    }

    @Test
    void aSeedWithABadMemberIsRefusedWholeNamingTheField() {
        String tenant = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        Map<String, Object> doc = Map.of(
                "registry_users",
                List.of(Map.of("tenant", tenant, "id", known, "username", "u")),
                "registries",
                List.of(Map.of(
                        "tenant",
                        tenant,
                        "name",
                        "bad-members",
                        "members",
                        List.of(
                                Map.of("user_id", known),
                                Map.of("user_id", UUID.randomUUID().toString())))));
        given().body(doc)
                .post("/_emulator/seed")
                .then()
                .statusCode(400)
                .body("detail.field", equalTo("registries[0].members[1].user_id"));
        given().body(Map.of(
                        "registries",
                        List.of(Map.of(
                                "tenant",
                                tenant,
                                "name",
                                "bad-role",
                                "members",
                                List.of(Map.of("user_id", known, "role", "admin"))))))
                .post("/_emulator/seed")
                .then()
                .statusCode(400)
                .body("message", containsString("registries[0].members[0]"));
        given().body(Map.of("registry_users", List.of(Map.of("tenant", tenant))))
                .post("/_emulator/seed")
                .then()
                .statusCode(400)
                .body("detail.field", equalTo("registry_users[0].username"));
        given().get("/_emulator/export")
                .then()
                .body("registry_users", hasSize(0))
                .body("registries", hasSize(0));
    }
}
