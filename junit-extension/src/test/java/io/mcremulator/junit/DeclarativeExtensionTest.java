package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.core.Region;
import io.mcremulator.core.model.RegistryInfo;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one-annotation path with the JDK HTTP client: URLs, token, API key, docker credentials, state. */
@McrEmulatorTest
class DeclarativeExtensionTest {

    @Test
    void bearerTokenCreatesRegistryThatStateAndApiShow(McrEmulator mcr) {
        String name = mcr.uniqueName("decl");
        HttpResponse<String> created = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                mcr.authorizationHeader(),
                "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(name);
        assertThat(mcr.state().registry(name))
                .get()
                .extracting(RegistryInfo::tenantId)
                .isEqualTo(mcr.tenant().id());

        HttpResponse<String> listed = Http.get(mcr.managementUrl() + "/v0/registries", "X-API-Key", mcr.apiKey());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"name\":\"" + name + "\"");
    }

    @Test
    void urlsPointAtTheRunningServer(McrEmulator mcr) {
        assertThat(mcr.port()).isPositive();
        assertThat(mcr.baseUrl()).isEqualTo("http://127.0.0.1:" + mcr.port());
        assertThat(mcr.registryHost()).isEqualTo("127.0.0.1:" + mcr.port());
        assertThat(mcr.region()).isEqualTo(Region.BR_SE1);
        assertThat(mcr.managementUrl()).isEqualTo(mcr.baseUrl() + "/br-se1/container-registry");
        assertThat(mcr.managementUrl(Region.BR_MGL1)).isEqualTo(mcr.baseUrl() + "/br-se-1/container-registry");
        assertThat(Http.get(mcr.baseUrl() + "/_emulator/health", "Accept", "application/json")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void dockerCredentialsAreTheOnesTheApiReturns(McrEmulator mcr) {
        DockerCredentials creds = mcr.dockerCredentials();
        HttpResponse<String> r =
                Http.get(mcr.managementUrl() + "/v0/credentials", "Authorization", mcr.authorizationHeader());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"username\":\"" + creds.username() + "\"")
                .contains("\"password\":\"" + creds.password() + "\"");
        assertThat(creds.username()).isEqualTo(mcr.tenant().user().id());
        assertThat(creds.registryHost()).isEqualTo(mcr.registryHost());
        assertThat(creds.basicAuthorizationHeader()).startsWith("Basic ");
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesGetTheSameServerAndTheirOwnTenant(McrEmulator mcr) {
            assertThat(mcr.state().registries()).isEmpty();
            mcr.seed(s -> s.registry(mcr.uniqueName("nested")));
            assertThat(mcr.state().registries()).hasSize(1);
            assertThat(Http.get(mcr.managementUrl() + "/v0/registries", "X-API-Key", mcr.apiKey())
                            .body())
                    .contains("\"total\":1");
        }
    }
}
