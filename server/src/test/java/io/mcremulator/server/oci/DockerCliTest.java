package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.testsupport.External;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI and daemon against the emulator: login with the {@code /v0/credentials} pair, push an image
 * built FROM scratch, remove it locally, pull it back, and check what the management API shows at each step.
 */
class DockerCliTest {
    @TempDir
    Path tmp;

    OciFixture f;
    Map<String, String> env;
    final List<String> localImages = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        External.requireCommand("docker engine", List.of("docker", "info", "--format", "{{.ServerVersion}}"));
        f = new OciFixture();
        Path config = Files.createDirectories(tmp.resolve("docker-config"));
        env = Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_BUILDKIT", "0");
    }

    @AfterEach
    void stop() {
        for (String img : localImages) Cli.run(List.of("docker", "rmi", "-f", img), env, null, 60);
        if (f != null) f.close();
    }

    private Cli.Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, env, null, 180);
    }

    @Test
    void loginPushPullAndTheManagementApiShowsEachStep() throws Exception {
        String registryId = f.createRegistry("dockreg");
        String host = f.server.registryHost();
        String ref = host + "/dockreg/team/hello:1.0";

        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("hello.txt"), "hello from the mcr emulator " + Instant.now() + "\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\nCMD [\"/hello\"]\n");
        localImages.add(ref);
        docker("build", "-t", ref, ctx.toString()).ok();

        // wrong password first: docker must be refused
        Cli.Result bad = Cli.run(
                List.of("docker", "login", host, "-u", f.username, "--password-stdin"), env, "not-the-password", 60);
        assertThat(bad.exit()).as(bad.output()).isNotZero();
        Cli.run(List.of("docker", "login", host, "-u", f.username, "--password-stdin"), env, f.password, 60)
                .ok();

        Cli.Result push = docker("push", ref).ok();
        String digest = push.output()
                .lines()
                .filter(l -> l.contains("digest: sha256:"))
                .findFirst()
                .map(l -> l.substring(l.indexOf("sha256:"), l.indexOf("sha256:") + 71))
                .orElseThrow(() -> new AssertionError(push.output()));

        JsonPath repos = f.mgmt()
                .get("/v1/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(repos.getString("results[0].name")).isEqualTo("team/hello");
        assertThat(repos.getInt("results[0].image_count")).isEqualTo(1);
        String images =
                "/v1/registries/" + registryId + "/repositories/" + repos.getString("results[0].id") + "/images";
        JsonPath img = f.mgmt()
                .get(images + "/" + digest + "?expand=extra_attr")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(img.getString("digest")).isEqualTo(digest);
        assertThat(img.getList("tags")).containsExactly("1.0");
        assertThat(img.getString("manifest_media_type"))
                .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(img.getString("media_type")).isEqualTo("application/vnd.docker.container.image.v1+json");
        assertThat(img.getString("extra_attr.os")).isEqualTo("linux");
        assertThat(img.getString("extra_attr.architecture")).isNotBlank();
        assertThat(img.getString("extra_attr.created")).isNotBlank();
        assertThat(Instant.parse(img.getString("pushed_at"))).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(img.getString("pulled_at")).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(img.getString("tags_details[0].name")).isEqualTo("1.0");
        assertThat(img.getBoolean("tags_details[0].signed")).isFalse();
        long storage = f.mgmt()
                .get("/v0/registries/" + registryId)
                .then()
                .extract()
                .jsonPath()
                .getLong("storage_usage_bytes");

        docker("rmi", ref).ok();
        Cli.Result pull = docker("pull", ref).ok();
        assertThat(pull.output()).contains(digest);
        Cli.Result inspect = docker("image", "inspect", "--format", "{{index .RepoDigests 0}}", ref)
                .ok();
        assertThat(inspect.output().strip()).isEqualTo(host + "/dockreg/team/hello@" + digest);

        JsonPath pulled = f.mgmt().get(images + "/" + digest).then().extract().jsonPath();
        assertThat(pulled.getString("pulled_at")).isNotEqualTo("0001-01-01T00:00:00Z");
        assertThat(pulled.getString("tags_details[0].pulled_at")).isNotEqualTo("0001-01-01T00:00:00Z");
        assertThat(pulled.getString("pushed_at")).isEqualTo(img.getString("pushed_at"));

        // what /v2 holds is exactly what docker pushed (read last: a GET counts as a pull)
        var manifest = f.v2().get("/v2/dockreg/team/hello/manifests/" + digest);
        manifest.then().statusCode(200).header("Content-Type", "application/vnd.docker.distribution.manifest.v2+json");
        assertThat(OciFixture.sha256(manifest.asByteArray())).isEqualTo(digest);
        JsonPath m = manifest.jsonPath();
        long expectedSize = manifest.asByteArray().length
                + m.getLong("config.size")
                + m.getList("layers.size", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum();
        for (String layer : m.getList("layers.digest", String.class)) {
            f.v2().head("/v2/dockreg/team/hello/blobs/" + layer).then().statusCode(200);
        }

        assertThat(img.getLong("size_bytes")).isEqualTo(expectedSize);
        assertThat(storage).isEqualTo(expectedSize);

        // a password reset logs docker out at once
        f.mgmt().post("/v0/credentials/password").then().statusCode(200);
        docker("rmi", ref).ok();
        Cli.Result denied = docker("pull", ref);
        assertThat(denied.exit()).as(denied.output()).isNotZero();
    }

    @Test
    void aSeededImageCanBePulledByDocker() {
        String seed = "{\"registries\":[{\"tenant\":\"" + f.tenant
                + "\",\"name\":\"seeded\",\"repositories\":[{\"name\":\"base\","
                + "\"images\":[{\"tags\":[\"1\"]}]}]}]}";
        f.mgmt().body(seed).post("/_emulator/seed").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        String host = f.server.registryHost();
        String ref = host + "/seeded/base:1";
        localImages.add(ref);
        Cli.run(List.of("docker", "login", host, "-u", f.username, "--password-stdin"), env, f.password, 60)
                .ok();
        docker("pull", ref).ok();
        // the daemon unpacked the layer and checked it against the config's diff_ids
        assertThat(docker("image", "inspect", "--format", "{{.Os}}/{{.Architecture}} {{len .RootFS.Layers}}", ref)
                        .ok()
                        .output()
                        .strip())
                .isEqualTo("linux/amd64 1");
    }

    @Test
    void pushingToARegistryThatWasNotCreatedIsRefusedWithAClearMessage() throws Exception {
        String host = f.server.registryHost();
        String ref = host + "/never-created/app:1";
        Path ctx = Files.createDirectories(tmp.resolve("ctx2"));
        Files.writeString(ctx.resolve("a.txt"), "a " + Instant.now());
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\n");
        localImages.add(ref);
        docker("build", "-t", ref, ctx.toString()).ok();
        Cli.run(List.of("docker", "login", host, "-u", f.username, "--password-stdin"), env, f.password, 60)
                .ok();
        Cli.Result push = docker("push", ref);
        assertThat(push.exit()).isNotZero();
        assertThat(push.output()).contains("create it first");
    }
}
