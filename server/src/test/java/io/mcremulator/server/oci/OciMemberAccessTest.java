package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registry roles gate /v2, over plain HTTP with each person's own docker credentials ({@code GET /v0/credentials}):
 * a guest pulls and gets 403 DENIED on push, a developer pushes and pulls; a role change or a removal applies to
 * the very next request, bearer tokens issued before included. Both access models: TENANT (default) and MEMBERS.
 * (DockerCliTest runs the same with the real docker CLI.)
 */
class OciMemberAccessTest {
    private McrEmulatorServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private void start(EmulatorConfig.RegistryAccess access) {
        server = McrEmulatorServer.builder()
                .engine(EmulatorConfig.builder().registryAccess(access).build())
                .build()
                .start();
    }

    /** One caller: its JWT for the management API and its docker login pair. */
    private final class Person {
        final String tenant;
        final String user = UUID.randomUUID().toString();
        final String jwt;
        final String username;
        final String password;

        Person(String tenant) {
            this.tenant = tenant;
            this.jwt = OciFixture.jwt(tenant, user);
            var creds = mgmt().get("/v0/credentials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            username = creds.getString("username");
            password = creds.getString("password");
        }

        Person colleague() {
            return new Person(tenant);
        }

        RequestSpecification mgmt() {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .header("Authorization", "Bearer " + jwt)
                    .contentType("application/json");
        }

        RequestSpecification basic() {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(username, password)
                    .urlEncodingEnabled(false);
        }

        /** A bearer token from /service/token, as docker gets one before pushing. */
        String token() {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(username, password)
                    .get("/service/token?service=mcr&scope=repository:x/y:pull,push")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("token");
        }

        RequestSpecification bearer(String token) {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .header("Authorization", "Bearer " + token)
                    .urlEncodingEnabled(false);
        }

        String registryUser() {
            return mgmt().post("/v0/users").then().statusCode(201).extract().path("id");
        }

        String createRegistry(String name) {
            return mgmt().body(Map.of("name", name))
                    .post("/v0/registries")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        String addMember(String registry, String userId, String role) {
            return mgmt().body(Map.of("user_id", userId, "role", role))
                    .post("/v0/registries/" + registry + "/members")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }

        void setRole(String registry, String member, String role) {
            mgmt().body(Map.of("role", role))
                    .patch("/v0/registries/" + registry + "/members/" + member)
                    .then()
                    .statusCode(200);
        }

        void removeMember(String registry, String member) {
            mgmt().delete("/v0/registries/" + registry + "/members/" + member)
                    .then()
                    .statusCode(204);
        }
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Pushes a small image (config, layer, manifest) with {@code as}; answers the manifest PUT's response. */
    private static Response push(RequestSpecification as, String repo, String tag) {
        byte[] config =
                ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                                + "\"x\":\"" + repo + tag + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] layer = (repo + ":" + tag).getBytes(StandardCharsets.UTF_8);
        for (byte[] blob : new byte[][] {config, layer}) {
            Response start = as.post("/v2/" + repo + "/blobs/uploads/");
            if (start.statusCode() != 202) return start;
            RestAssured.given()
                    .spec(as)
                    .contentType("application/octet-stream")
                    .body(blob)
                    .put(start.header("Location") + "?digest=" + OciFixture.sha256(blob))
                    .then()
                    .statusCode(201);
        }
        String manifest =
                OciFixture.manifest(OciFixture.sha256(config), config.length, OciFixture.sha256(layer), layer.length);
        return RestAssured.given()
                .spec(as)
                .contentType("application/vnd.oci.image.manifest.v1+json")
                .body(manifest.getBytes(StandardCharsets.UTF_8))
                .put("/v2/" + repo + "/manifests/" + tag);
    }

    private static Response pull(RequestSpecification as, String repo, String tag) {
        return as.header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .get("/v2/" + repo + "/manifests/" + tag);
    }

    private static void denied(Response r, String why) {
        r.then()
                .statusCode(403)
                .body("errors[0].code", equalTo("DENIED"))
                .body("errors[0].message", containsString(why));
    }

    @Test
    void tenantModeAGuestOfAnotherTenantPullsAndCannotPush() {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person guest = new Person(UUID.randomUUID().toString());
        String reg = name("shared");
        String registry = owner.createRegistry(reg);
        push(owner.basic(), reg + "/app", "v1").then().statusCode(201);

        denied(pull(guest.basic(), reg + "/app", "v1"), "another tenant");
        owner.addMember(registry, guest.registryUser(), "guest");

        pull(guest.basic(), reg + "/app", "v1").then().statusCode(200);
        guest.basic()
                .get("/v2/" + reg + "/app/tags/list")
                .then()
                .statusCode(200)
                .body("tags", hasItem("v1"));
        guest.basic().get("/v2/_catalog").then().statusCode(200).body("repositories", hasItem(reg + "/app"));
        denied(push(guest.basic(), reg + "/app", "v2"), "guests may pull only");
        denied(guest.basic().delete("/v2/" + reg + "/app/manifests/v1"), "guests may pull only");
        pull(owner.basic(), reg + "/app", "v1").then().statusCode(200);
    }

    @Test
    void tenantModeADeveloperOfAnotherTenantPushesAndPulls() {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person dev = new Person(UUID.randomUUID().toString());
        String reg = name("shared");
        String registry = owner.createRegistry(reg);
        owner.addMember(registry, dev.registryUser(), "developer");
        push(dev.basic(), reg + "/app", "v1").then().statusCode(201);
        pull(dev.basic(), reg + "/app", "v1").then().statusCode(200);
        pull(owner.basic(), reg + "/app", "v1").then().statusCode(200);
        owner.mgmt().get("/v1/registries/" + registry + "/repositories").then().body("results.name", hasItem("app"));
    }

    @Test
    void tenantModeEveryoneOfTheTenantKeepsFullAccessWithoutMembership() {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person colleague = owner.colleague();
        String reg = name("team");
        owner.createRegistry(reg);
        push(colleague.basic(), reg + "/app", "v1").then().statusCode(201);
        pull(owner.basic(), reg + "/app", "v1").then().statusCode(200);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestWithATokenIssuedBefore() {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person member = new Person(UUID.randomUUID().toString());
        String reg = name("live");
        String registry = owner.createRegistry(reg);
        push(owner.basic(), reg + "/app", "v1").then().statusCode(201);
        String m = owner.addMember(registry, member.registryUser(), "guest");
        String token = member.token();

        pull(member.bearer(token), reg + "/app", "v1").then().statusCode(200);
        denied(push(member.bearer(token), reg + "/app", "v2"), "guests may pull only");

        owner.setRole(registry, m, "developer");
        push(member.bearer(token), reg + "/app", "v2").then().statusCode(201);

        owner.setRole(registry, m, "guest");
        denied(push(member.bearer(token), reg + "/app", "v3"), "guests may pull only");
        pull(member.bearer(token), reg + "/app", "v2").then().statusCode(200);

        owner.removeMember(registry, m);
        denied(pull(member.bearer(token), reg + "/app", "v2"), "another tenant");
        member.bearer(token)
                .get("/v2/_catalog")
                .then()
                .statusCode(200)
                .body("repositories", not(hasItem(reg + "/app")));
    }

    @Test
    void deletingTheUserOrTheRegistryEndsTheAccess() {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person member = new Person(UUID.randomUUID().toString());
        String reg = name("gone");
        String registry = owner.createRegistry(reg);
        push(owner.basic(), reg + "/app", "v1").then().statusCode(201);
        String userId = member.registryUser();
        owner.addMember(registry, userId, "developer");
        pull(member.basic(), reg + "/app", "v1").then().statusCode(200);

        member.mgmt().delete("/v0/users/" + userId).then().statusCode(204);
        denied(pull(member.basic(), reg + "/app", "v1"), "another tenant");
        // a new registry user of the same caller is not a member until added again
        member.registryUser();
        denied(pull(member.basic(), reg + "/app", "v1"), "another tenant");
    }

    @Test
    void membersModeOnlyTheCreatorAndMembersReachTheRegistry() {
        start(EmulatorConfig.RegistryAccess.MEMBERS);
        Person creator = new Person(UUID.randomUUID().toString());
        Person colleague = creator.colleague();
        Person outsider = new Person(UUID.randomUUID().toString());
        String reg = name("harbor");
        String registry = creator.createRegistry(reg);
        push(creator.basic(), reg + "/app", "v1").then().statusCode(201);

        denied(pull(colleague.basic(), reg + "/app", "v1"), "creator and its members only");
        denied(push(colleague.basic(), reg + "/app", "v2"), "creator and its members only");
        colleague.basic().get("/v2/_catalog").then().statusCode(200).body("repositories", not(hasItem(reg + "/app")));
        denied(pull(outsider.basic(), reg + "/app", "v1"), "another tenant");

        String cm = creator.addMember(registry, colleague.registryUser(), "guest");
        String om = creator.addMember(registry, outsider.registryUser(), "developer");
        pull(colleague.basic(), reg + "/app", "v1").then().statusCode(200);
        denied(push(colleague.basic(), reg + "/app", "v2"), "guests may pull only");
        push(outsider.basic(), reg + "/app", "v2").then().statusCode(201);
        pull(outsider.basic(), reg + "/app", "v2").then().statusCode(200);

        creator.setRole(registry, cm, "developer");
        push(colleague.basic(), reg + "/app", "v3").then().statusCode(201);
        creator.removeMember(registry, om);
        denied(pull(outsider.basic(), reg + "/app", "v2"), "another tenant");

        // the management API still follows the tenant: a colleague lists the registry's repositories
        colleague
                .mgmt()
                .get("/v1/registries/" + registry + "/repositories")
                .then()
                .statusCode(200);
    }

    @Test
    void membersModeASeededRegistryWithoutCreatorIsOpenToMembersOnly() {
        start(EmulatorConfig.RegistryAccess.MEMBERS);
        Person owner = new Person(UUID.randomUUID().toString());
        String reg = name("seeded");
        RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType("application/json")
                .body(Map.of("registries", java.util.List.of(Map.of("tenant", owner.tenant, "name", reg))))
                .post("/_emulator/seed")
                .then()
                .statusCode(204);
        denied(push(owner.basic(), reg + "/app", "v1"), "creator and its members only");
        String seeded = name("mine");
        RestAssured.given()
                .baseUri(server.baseUrl())
                .contentType("application/json")
                .body(Map.of(
                        "registries",
                        java.util.List.of(Map.of("tenant", owner.tenant, "name", seeded, "created_by", owner.user))))
                .post("/_emulator/seed")
                .then()
                .statusCode(204);
        push(owner.basic(), seeded + "/app", "v1").then().statusCode(201);
        assertThat(server.emulator().config().registryAccess()).isEqualTo(EmulatorConfig.RegistryAccess.MEMBERS);
    }
}
