package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mcremulator.client.DockerCredentials;
import org.junit.jupiter.api.Test;

/** The handle's helpers for registry users and members: a user of another tenant pulls as a guest over /v2. */
@McrEmulatorTest
class MembersHelpersTest {

    @Test
    void aTenantAddsAUserOfAnotherTenantAsGuest(McrEmulator mcr) {
        String name = mcr.uniqueName("shared");
        mcr.seed(s -> s.registry(name, r -> r.repository("app", repo -> repo.image("v1"))));
        String registryId = mcr.state().registry(name).orElseThrow().id().toString();
        TestUser guest = mcr.newTenant().user();

        String userId = guest.registryUserId();
        assertThat(guest.registryUserId()).isEqualTo(userId);
        String member = mcr.tenant().addMember(registryId, guest, "guest");

        given().header("Authorization", mcr.authorizationHeader())
                .get(mcr.managementUrl() + "/v0/registries/" + registryId + "/members/" + member)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(userId))
                .body("role", equalTo("guest"));
        DockerCredentials creds = guest.dockerCredentials();
        given().auth()
                .preemptive()
                .basic(creds.username(), creds.password())
                .get(mcr.baseUrl() + "/v2/" + name + "/app/tags/list")
                .then()
                .statusCode(200)
                .body("tags", hasItem("v1"));
        given().auth()
                .preemptive()
                .basic(creds.username(), creds.password())
                .post(mcr.baseUrl() + "/v2/" + name + "/app/blobs/uploads/")
                .then()
                .statusCode(403)
                .body("errors[0].code", equalTo("DENIED"));
    }
}
