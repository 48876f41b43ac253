package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.github.dockerjava.api.command.InspectImageResponse;
import io.mcremulator.client.DockerCredentials;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;

/** The image, started through the module, drives like the real service: management API over the mapped port. */
class McrEmulatorContainerTest {
    static final String TENANT = UUID.randomUUID().toString();
    static final String USER = UUID.randomUUID().toString();
    static final String API_KEY = UUID.randomUUID().toString();
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    static final String SEED = """
            {
              "users": [{"tenant": "%s", "id": "%s", "email": "seeded@example.com", "api_key": "%s"}],
              "registries": [{
                "tenant": "%s", "name": "seeded-registry",
                "repositories": [{"name": "team/app", "images": [{"digest": "%s", "tags": ["1.0", "latest"], "size_bytes": 1234}]}]
              }]
            }
            """.formatted(TENANT, USER, API_KEY, TENANT, DIGEST);

    @RegisterExtension
    static final SharedContainer mcr =
            new SharedContainer(() -> new McrEmulatorContainer(EmulatorImage.get()).withSeed(SEED));

    @Test
    void urlsPointAtTheMappedPort() {
        String hostPort = mcr.get().getHost() + ":" + mcr.get().getMappedPort(McrEmulatorContainer.PORT);
        assertThat(mcr.get().getRegistryHost()).isEqualTo(hostPort);
        assertThat(mcr.get().getBaseUrl()).isEqualTo("http://" + hostPort);
        assertThat(mcr.get().getRegionUrl()).isEqualTo("http://" + hostPort + "/br-se1");
        assertThat(mcr.get().getManagementUrl("br-ne1")).isEqualTo("http://" + hostPort + "/br-ne1/container-registry");
        assertThat(mcr.get().getImageReference("my-registry", "team/app", "1.0"))
                .isEqualTo(hostPort + "/my-registry/team/app:1.0");
        given().get(mcr.get().getBaseUrl() + "/_emulator/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theConsoleIsServedFromTheContainer() {
        assertThat(mcr.get().getConsoleUrl()).isEqualTo(mcr.get().getBaseUrl() + "/_emulator/console/");
        assertThat(mcr.get().getConsoleUrl(TENANT)).isEqualTo(mcr.get().getConsoleUrl() + "#/state?tenant=" + TENANT);
        given().get(mcr.get().getConsoleUrl())
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("mcr-emulator console"));
        given().get(mcr.get().getBaseUrl() + "/_emulator/overview?tenant=" + TENANT)
                .then()
                .statusCode(200)
                .body("registries.name", contains("seeded-registry"));
    }

    @Test
    void seedFileIsLoadedAndSeenThroughTheApiKey() {
        given().header("X-API-Key", API_KEY)
                .get(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(200)
                .body("results.name", contains("seeded-registry"))
                .body("meta.page.total", equalTo(1));
        String registryId = given().header("X-API-Key", API_KEY)
                .get(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .extract()
                .path("results[0].id");
        given().header("X-API-Key", API_KEY)
                .get(mcr.get().getManagementUrl() + "/v0/registries/" + registryId + "/repositories/team/app/images")
                .then()
                .statusCode(200)
                .body("results", hasSize(1))
                .body("results[0].digest", equalTo(DIGEST))
                .body("results[0].tags", contains("1.0", "latest"));
    }

    @Test
    void bearerTokenOfTheModuleCreatesAndListsRegistriesInItsOwnTenant() {
        McrUser alice = McrUser.random();
        String id = given().header("Authorization", alice.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"alice-registry\"}")
                .post(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(201)
                .body("name", equalTo("alice-registry"))
                .extract()
                .path("id");

        given().header("Authorization", alice.colleague().authorizationHeader())
                .get(mcr.get().getRegionUrl() + "/container-registry/v0/registries/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("alice-registry"));
        // Another tenant sees nothing of it; the error has the MCR error format.
        given().header("Authorization", McrUser.random().authorizationHeader())
                .get(mcr.get().getManagementUrl() + "/v0/registries/" + id)
                .then()
                .statusCode(404)
                .body("slug", matchesPattern(".+"));
        given().get(mcr.get().getManagementUrl() + "/v0/registries").then().statusCode(401);
    }

    @Test
    void dockerCredentialsHelperReturnsTheUsersStablePair() {
        McrUser bob = McrUser.random();
        DockerCredentials first = mcr.get().getDockerCredentials(bob);
        assertThat(first.username()).isNotBlank();
        assertThat(first.password()).isNotBlank();
        assertThat(first.email()).isEqualTo(bob.email());
        assertThat(mcr.get().getDockerCredentials(bob)).isEqualTo(first);
        given().header("Authorization", bob.authorizationHeader())
                .get(mcr.get().getManagementUrl() + "/v0/credentials")
                .then()
                .statusCode(200)
                .body("username", equalTo(first.username()))
                .body("password", equalTo(first.password()));
        assertThat(mcr.get().getDockerCredentialsForApiKey(API_KEY).email()).isEqualTo("seeded@example.com");
        assertThat(first.toString()).doesNotContain(first.password());
    }

    @Test
    void imageRunsAsNonRootAndItsHealthcheckCommandPasses() throws Exception {
        InspectImageResponse image = DockerClientFactory.instance()
                .client()
                .inspectImageCmd(mcr.get().getDockerImageName())
                .exec();
        assertThat(image.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(image.getConfig().getExposedPorts())
                .extracting(Object::toString)
                .containsExactly("8080/tcp");

        // Run exactly the image's HEALTHCHECK command inside the running container: it needs no curl or shell.
        List<String> test = new ArrayList<>(Arrays.asList(healthcheckTest(image)));
        assertThat(test.get(0)).isEqualTo("CMD");
        assertThat(test).contains("healthcheck");
        Container.ExecResult healthy =
                mcr.get().execInContainer(test.subList(1, test.size()).toArray(String[]::new));
        assertThat(healthy.getExitCode()).as(healthy.getStderr()).isZero();

        List<String> wrongPort = new ArrayList<>(test.subList(1, test.size()));
        wrongPort.addAll(List.of("--port", "1"));
        assertThat(mcr.get().execInContainer(wrongPort.toArray(String[]::new)).getExitCode())
                .isEqualTo(1);
    }

    private static String[] healthcheckTest(InspectImageResponse image) {
        // docker-java exposes the healthcheck through the raw config map in some versions; read it by JSON path.
        return image.getConfig().getHealthcheck().getTest().toArray(String[]::new);
    }
}
