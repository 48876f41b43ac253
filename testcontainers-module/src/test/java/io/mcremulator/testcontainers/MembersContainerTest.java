package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.client.DockerCredentials;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container's helpers for registry users and members, with {@code withRegistryAccess("members")}: a colleague
 * reaches the registry over /v2 only once it is a member, and as a guest it may pull but not push.
 */
class MembersContainerTest {
    @RegisterExtension
    static final SharedContainer mcr =
            new SharedContainer(() -> new McrEmulatorContainer(EmulatorImage.get()).withRegistryAccess("members"));

    @Test
    void aColleagueBecomesAGuestMember() {
        McrUser owner = McrUser.random();
        McrUser colleague = owner.colleague();
        String registryId = given().header("Authorization", owner.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"members-tc\"}")
                .post(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        DockerCredentials login = mcr.get().getDockerCredentials(colleague);
        String uploads = mcr.get().getBaseUrl() + "/v2/members-tc/app/blobs/uploads/";
        given().auth()
                .preemptive()
                .basic(login.username(), login.password())
                .get(mcr.get().getBaseUrl() + "/v2/members-tc/app/tags/list")
                .then()
                .statusCode(403)
                .body("errors[0].code", equalTo("DENIED"));

        String userId = mcr.get().createRegistryUser(colleague);
        assertThat(mcr.get().createRegistryUser(colleague)).isEqualTo(userId);
        String memberId = mcr.get().addRegistryMember(owner, registryId, colleague, "guest");

        given().header("Authorization", owner.authorizationHeader())
                .get(mcr.get().getManagementUrl() + "/v0/registries/" + registryId + "/members/" + memberId)
                .then()
                .statusCode(200)
                .body("user_id", equalTo(userId))
                .body("role", equalTo("guest"));
        given().auth()
                .preemptive()
                .basic(login.username(), login.password())
                .get(mcr.get().getBaseUrl() + "/v2/members-tc/app/tags/list")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("NAME_UNKNOWN")); // reached: the repository does not exist yet
        given().auth()
                .preemptive()
                .basic(login.username(), login.password())
                .post(uploads)
                .then()
                .statusCode(403)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("guest"));
    }
}
