package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.testsupport.External;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI as registry members, each person logged in with their own {@code GET /v0/credentials} pair
 * (their own {@code DOCKER_CONFIG}): a guest pulls and is denied a push, a developer pushes and pulls, and a role
 * change or a removal applies to the next docker command. Both access models.
 */
class DockerMembersTest {
    @TempDir
    Path tmp;

    McrEmulatorServer server;
    final List<String> localImages = new ArrayList<>();

    @AfterEach
    void stop() {
        for (String img : localImages) Cli.run(List.of("docker", "rmi", "-f", img), Map.of(), null, 60);
        if (server != null) server.stop();
    }

    private void start(EmulatorConfig.RegistryAccess access) {
        External.requireCommand("docker engine", List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        server = McrEmulatorServer.builder()
                .engine(EmulatorConfig.builder().registryAccess(access).build())
                .build()
                .start();
    }

    /** A person: JWT for the management API, own docker config logged in with own credentials. */
    private final class Person {
        final String tenant;
        final String user = UUID.randomUUID().toString();
        final String jwt;
        final Map<String, String> env;

        Person(String tenant) throws Exception {
            this.tenant = tenant;
            this.jwt = OciFixture.jwt(tenant, user);
            Path config = Files.createDirectories(tmp.resolve("docker-" + user));
            env = Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_BUILDKIT", "0");
            JsonPath creds = mgmt().get("/v0/credentials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            Cli.run(
                            List.of(
                                    "docker",
                                    "login",
                                    server.registryHost(),
                                    "-u",
                                    creds.getString("username"),
                                    "--password-stdin"),
                            env,
                            creds.getString("password"),
                            60)
                    .ok();
        }

        RequestSpecification mgmt() {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .header("Authorization", "Bearer " + jwt)
                    .contentType("application/json");
        }

        Cli.Result docker(String... args) {
            List<String> cmd = new ArrayList<>(List.of("docker"));
            cmd.addAll(List.of(args));
            return Cli.run(cmd, env, null, 180);
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

        String addMember(String registry, Person who, String role) {
            return mgmt().body(Map.of("user_id", who.registryUser(), "role", role))
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

        void remove(String registry, String member) {
            mgmt().delete("/v0/registries/" + registry + "/members/" + member)
                    .then()
                    .statusCode(204);
        }
    }

    /** Builds a tiny image FROM scratch under {@code ref} (the docker daemon is shared: one build serves all). */
    private void build(Person p, String ref) throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx-" + UUID.randomUUID()));
        Files.writeString(ctx.resolve("hello.txt"), "members " + Instant.now() + " " + ref + "\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        localImages.add(ref);
        p.docker("build", "-t", ref, ctx.toString()).ok();
    }

    private void tag(Person p, String from, String to) {
        localImages.add(to);
        p.docker("tag", from, to).ok();
    }

    /** Pulls {@code ref} after removing the local copy, so the daemon really fetches it. */
    private Cli.Result freshPull(Person p, String ref) {
        p.docker("rmi", "-f", ref);
        return p.docker("pull", ref);
    }

    private static void refused(Cli.Result r) {
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("denied");
    }

    @Test
    void tenantModeGuestPullsAndIsDeniedPushDeveloperPushesChangesApplyAtOnce() throws Exception {
        start(EmulatorConfig.RegistryAccess.TENANT);
        Person owner = new Person(UUID.randomUUID().toString());
        Person guest = new Person(UUID.randomUUID().toString());
        Person dev = new Person(UUID.randomUUID().toString());
        String host = server.registryHost();
        String reg = "members-" + UUID.randomUUID().toString().substring(0, 8);
        String registry = owner.createRegistry(reg);
        String v1 = host + "/" + reg + "/app:1";
        build(owner, v1);
        owner.docker("push", v1).ok();

        refused(freshPull(guest, v1)); // another tenant, not a member yet
        String guestMember = owner.addMember(registry, guest, "guest");
        owner.addMember(registry, dev, "developer");

        freshPull(guest, v1).ok();
        String v2 = host + "/" + reg + "/app:2";
        tag(guest, v1, v2);
        refused(guest.docker("push", v2));

        dev.docker("push", v2).ok();
        freshPull(dev, v2).ok();

        owner.setRole(registry, guestMember, "developer");
        String v3 = host + "/" + reg + "/app:3";
        tag(guest, v1, v3);
        guest.docker("push", v3).ok();

        owner.remove(registry, guestMember);
        refused(freshPull(guest, v3));

        List<String> repositories = owner.mgmt()
                .get("/v1/registries/" + registry + "/repositories")
                .then()
                .extract()
                .jsonPath()
                .getList("results.name");
        assertThat(repositories).containsExactly("app");
    }

    @Test
    void membersModeOnlyTheCreatorAndMembersReachTheRegistry() throws Exception {
        start(EmulatorConfig.RegistryAccess.MEMBERS);
        Person creator = new Person(UUID.randomUUID().toString());
        Person colleague = new Person(creator.tenant);
        Person outsider = new Person(UUID.randomUUID().toString());
        String host = server.registryHost();
        String reg = "harbor-" + UUID.randomUUID().toString().substring(0, 8);
        String registry = creator.createRegistry(reg);
        String v1 = host + "/" + reg + "/app:1";
        build(creator, v1);
        creator.docker("push", v1).ok();

        refused(freshPull(colleague, v1)); // same tenant, but neither creator nor member
        String member = creator.addMember(registry, colleague, "guest");
        freshPull(colleague, v1).ok();
        String v2 = host + "/" + reg + "/app:2";
        tag(colleague, v1, v2);
        refused(colleague.docker("push", v2));

        creator.setRole(registry, member, "developer");
        colleague.docker("push", v2).ok();

        creator.addMember(registry, outsider, "developer");
        String v3 = host + "/" + reg + "/app:3";
        tag(outsider, v1, v3);
        outsider.docker("push", v3).ok();
        freshPull(outsider, v2).ok();
    }
}
