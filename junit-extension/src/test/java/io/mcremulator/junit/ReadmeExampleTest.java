package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.client.DockerCredentials;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

// The complete example of docs/junit.md, kept here so it always compiles and passes.
@McrEmulatorTest
class ReadmeExampleTest {
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createRegistryWithJavaNetHttp(McrEmulator mcr) throws Exception {
        String name = mcr.uniqueName("shop"); // registry names are global: unique per test
        HttpRequest create = HttpRequest.newBuilder(URI.create(mcr.managementUrl() + "/v0/registries"))
                .header("Authorization", mcr.authorizationHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build();

        HttpResponse<String> response = http.send(create, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(mcr.state().registry(name)).isPresent(); // read the emulator's state directly
    }

    @Test
    void listSeededImagesWithRestAssured(McrEmulator mcr) {
        mcr.seed(s ->
                s.registry(mcr.uniqueName("shop"), r -> r.repository("team/api", repo -> repo.image("1.0", "latest"))));
        String registryId = mcr.state().registries().get(0).id().toString();

        given().header("X-API-Key", mcr.apiKey())
                .when()
                .get(mcr.managementUrl() + "/v0/registries/" + registryId + "/repositories")
                .then()
                .statusCode(200)
                .body("results[0].name", equalTo("team/api"));

        DockerCredentials docker = mcr.dockerCredentials(); // what `docker login` would use
        given().header("Authorization", mcr.authorizationHeader())
                .contentType(ContentType.JSON)
                .when()
                .get(mcr.managementUrl() + "/v0/credentials")
                .then()
                .statusCode(200)
                .body("username", equalTo(docker.username()));
    }
}
