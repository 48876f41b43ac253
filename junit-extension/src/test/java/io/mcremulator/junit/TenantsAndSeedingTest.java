package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.RepositoryInfo;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** More tenants and users, scoped tokens, and the fluent seed builder. */
@McrEmulatorTest
class TenantsAndSeedingTest {

    @Test
    void anotherTenantCannotSeeMyRegistry(McrEmulator mcr) {
        String name = mcr.uniqueName("mine");
        mcr.seed(s -> s.registry(name));
        String id = mcr.state().registry(name).orElseThrow().id().toString();
        TestTenant other = mcr.newTenant();
        assertThat(other.id()).isNotEqualTo(mcr.tenant().id());
        given().header("Authorization", other.authorizationHeader())
                .when()
                .get(mcr.managementUrl() + "/v0/registries/" + id)
                .then()
                .statusCode(404);
        given().header("X-API-Key", other.apiKey())
                .when()
                .get(mcr.managementUrl() + "/v0/registries")
                .then()
                .statusCode(200)
                .body("meta.page.total", equalTo(0));
    }

    @Test
    void usersOfOneTenantShareItsRegistriesButNotTheirCredentials(McrEmulator mcr) {
        String name = mcr.uniqueName("shared");
        mcr.seed(s -> s.registry(name));
        TestUser colleague = mcr.tenant().newUser();
        given().header("X-API-Key", colleague.apiKey())
                .when()
                .get(mcr.managementUrl() + "/v0/registries")
                .then()
                .statusCode(200)
                .body("results.name", hasItems(name));
        assertThat(colleague.dockerCredentials().username())
                .isEqualTo(colleague.id())
                .isNotEqualTo(mcr.dockerCredentials().username());
        assertThat(colleague.dockerCredentials().password())
                .isNotEqualTo(mcr.dockerCredentials().password());
    }

    @Test
    void aReadOnlyTokenCannotWrite(McrEmulator mcr) {
        String readOnly = mcr.tenant().user().bearerToken("mcr.read");
        HttpResponse<String> r = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                "Bearer " + readOnly,
                "{\"name\":\"" + mcr.uniqueName("ro") + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", "Bearer " + readOnly)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void fluentSeedBuildsRegistriesRepositoriesImagesAndProxyCaches(McrEmulator mcr) {
        String registry = mcr.uniqueName("shop");
        mcr.seed(s -> s.proxyCache("hub", "docker-hub", "https://registry-1.docker.io", p -> p.description("mirror"))
                .registry(
                        registry,
                        r -> r.proxyCache("hub")
                                .repository(
                                        "team/api",
                                        repo -> repo.image("1.0", "latest")
                                                .image(i -> i.tags("0.9").sizeBytes(42)))
                                .repository("team/web")));
        assertThat(mcr.state().proxyCache("hub"))
                .get()
                .satisfies(p -> assertThat(p.description()).isEqualTo("mirror"));
        assertThat(mcr.state().registry(registry).orElseThrow().proxyCacheId())
                .isEqualTo(mcr.state().proxyCache("hub").orElseThrow().id());
        assertThat(mcr.state().repositories(registry))
                .extracting(RepositoryInfo::name)
                .containsExactlyInAnyOrder("team/api", "team/web");
        assertThat(mcr.state().images(registry, "team/api"))
                .flatExtracting(ImageInfo::tags)
                .containsExactlyInAnyOrder("1.0", "latest", "0.9");

        String regId = mcr.state().registry(registry).orElseThrow().id().toString();
        given().header("Authorization", mcr.authorizationHeader())
                .when()
                .get(mcr.managementUrl() + "/v0/registries/" + regId + "/repositories/team/api/images")
                .then()
                .statusCode(200)
                .body("results.tags.flatten()", hasItems("1.0", "latest", "0.9"));
    }

    @Test
    void aBadSeedNamesTheFieldAndChangesNothing(McrEmulator mcr) {
        String good = mcr.uniqueName("good");
        assertThatThrownBy(() -> mcr.seed(s -> s.registry(good).registry("Bad Name!")))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("registries[1].name");
        assertThat(mcr.state().registries()).isEmpty();
        assertThatThrownBy(() -> mcr.seedJson("{\"registries\": [{\"tenant\": \"t\", \"nmae\": \"x\"}]}"))
                .hasMessageContaining("McrEmulator.seedJson")
                .hasMessageContaining("registries[0].nmae");
        assertThatThrownBy(() -> mcr.seedFile("classpath:seeds/does-not-exist.json"))
                .hasMessageContaining("seeds/does-not-exist.json")
                .hasMessageContaining("TenantsAndSeedingTest");
    }

    @Test
    void resetForgetsOnlyMyTenant(McrEmulator mcr) {
        TestTenant other = mcr.newTenant();
        String mine = mcr.uniqueName("mine");
        String theirs = mcr.uniqueName("theirs");
        mcr.seed(s -> s.registry(mine));
        other.seed(s -> s.registry(theirs));
        mcr.tenant().reset();
        assertThat(mcr.state().registries()).isEmpty();
        assertThat(other.state().registries()).hasSize(1);
        // the tenant's API key still names this tenant after its reset
        String again = mcr.uniqueName("again");
        mcr.seed(s -> s.registry(again));
        given().header("X-API-Key", mcr.apiKey())
                .when()
                .get(mcr.managementUrl() + "/v0/registries")
                .then()
                .statusCode(200)
                .body("results.name", hasItems(again));
    }
}
