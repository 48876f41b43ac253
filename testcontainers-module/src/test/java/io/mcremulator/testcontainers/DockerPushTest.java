package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.testsupport.External;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real docker CLI logs in to the container's registry with the pair from GET /v0/credentials, pushes an image
 * built FROM scratch, and the management API then lists the repository and the tagged image.
 */
class DockerPushTest {
    @RegisterExtension
    static final SharedContainer mcr = new SharedContainer(() -> new McrEmulatorContainer(EmulatorImage.get()));

    @TempDir
    static Path dockerConfig;

    @BeforeEach
    void requireDockerCli() {
        External.require(commandWorks("docker", "version"), "docker CLI with a reachable engine not found");
    }

    @Test
    void dockerPushIsSeenThroughTheManagementApi(@TempDir Path context) throws Exception {
        McrUser user = McrUser.random();
        String registryId = given().header("Authorization", user.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"pushed\"}")
                .post(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        DockerCredentials login = mcr.get().getDockerCredentials(user);

        Files.writeString(context.resolve("hello.txt"), "hello from mcr-emulator's container test\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        String reference = mcr.get().getImageReference("pushed", "tools/hello", "1.0");
        try {
            docker(null, "build", "-q", "-t", reference, context.toString());
            docker(
                    login.password(),
                    "login",
                    mcr.get().getRegistryHost(),
                    "--username",
                    login.username(),
                    "--password-stdin");
            docker(null, "push", reference);
        } finally {
            commandWorks("docker", "rmi", "-f", reference);
        }

        given().header("Authorization", user.authorizationHeader())
                .get(mcr.get().getManagementUrl() + "/v0/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .body("results.name", contains("tools/hello"))
                .body("results[0].image_count", equalTo(1));
        given().header("Authorization", user.authorizationHeader())
                .get(mcr.get().getManagementUrl() + "/v0/registries/" + registryId + "/repositories/tools/hello/images")
                .then()
                .statusCode(200)
                .body("results[0].tags", hasItem("1.0"))
                .body("results[0].digest", startsWith("sha256:"));
    }

    @Test
    void dockerLoginWithAWrongPasswordIsRefused() throws Exception {
        DockerCredentials login = mcr.get().getDockerCredentials(McrUser.random());
        Result r = run(
                login.password() + "-wrong",
                "docker",
                "login",
                mcr.get().getRegistryHost(),
                "--username",
                login.username(),
                "--password-stdin");
        assertThat(r.exitCode).as(r.output).isNotZero();
    }

    private static void docker(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Result r = run(stdin, command.toArray(String[]::new));
        assertThat(r.exitCode)
                .as(String.join(" ", command) + " failed:\n" + r.output)
                .isZero();
    }

    record Result(int exitCode, String output) {}

    private static Result run(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // A private docker config, so the test neither reads nor changes the user's logins.
        Map<String, String> env = pb.environment();
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        env.put("DOCKER_BUILDKIT", "0");
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out);
    }

    private static boolean commandWorks(String... command) {
        try {
            return run(null, command).exitCode == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
