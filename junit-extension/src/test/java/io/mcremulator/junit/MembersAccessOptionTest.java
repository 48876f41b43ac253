package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.core.EmulatorConfig;
import org.junit.jupiter.api.Test;

/** {@code registryAccess=members}: a colleague reaches a registry over /v2 only once it is a member. */
@McrEmulatorTest(options = "registryAccess=members")
class MembersAccessOptionTest {

    @Test
    void aColleagueNeedsAMembership(McrEmulator mcr) {
        assertThat(mcr.engine().config().registryAccess()).isEqualTo(EmulatorConfig.RegistryAccess.MEMBERS);
        String name = mcr.uniqueName("harbor");
        mcr.seed(s -> s.registry(name, r -> r.repository("app", repo -> repo.image("v1"))));
        String registryId = mcr.state().registry(name).orElseThrow().id().toString();
        TestUser colleague = mcr.tenant().newUser();
        DockerCredentials creds = colleague.dockerCredentials();
        String tags = mcr.baseUrl() + "/v2/" + name + "/app/tags/list";
        given().auth()
                .preemptive()
                .basic(creds.username(), creds.password())
                .get(tags)
                .then()
                .statusCode(403)
                .body("errors[0].code", equalTo("DENIED"));
        mcr.tenant().addMember(registryId, colleague, "guest");
        given().auth()
                .preemptive()
                .basic(creds.username(), creds.password())
                .get(tags)
                .then()
                .statusCode(200);
    }
}
