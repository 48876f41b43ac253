package io.mcremulator.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** getCredentials and resetPassword: per user, stable until reset, 32 characters, username = user id. */
class CredentialsApiTest extends ApiTestBase {

    @Test
    void firstGetCreatesCredentialsOfTheCallerAndLaterGetsReturnTheSamePassword() {
        Caller c = Caller.random();
        Response first = asSdk(c).get("/v0/credentials");
        first.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(first.<String>path("username")).isEqualTo(c.userId());
        assertThat(first.<String>path("email")).isEqualTo(c.email());
        String password = first.path("password");
        assertThat(password).hasSize(32);
        assertThat(as(c).get("/v0/credentials").<String>path("password")).isEqualTo(password);
    }

    @Test
    void resetGivesANewPasswordWhichLaterGetsReturn() {
        Caller c = Caller.random();
        String before = as(c).get("/v0/credentials").path("password");
        // The Go SDK sends the literal body null, chunked, with Content-Type application/json.
        Response reset = asSdk(c).body("null").post("/v0/credentials/password");
        reset.then().statusCode(200);
        String after = reset.path("password");
        assertThat(after).hasSize(32).isNotEqualTo(before);
        assertThat(reset.<String>path("username")).isEqualTo(c.userId());
        assertThat(reset.<String>path("email")).isEqualTo(c.email());
        assertThat(as(c).get("/v0/credentials").<String>path("password")).isEqualTo(after);
    }

    @Test
    void resetWithoutBodyIsAccepted() {
        Caller c = Caller.random();
        as(c).post("/v0/credentials/password").then().statusCode(200);
    }

    @Test
    void eachUserHasItsOwnPair() {
        Caller a = Caller.random();
        Caller b = a.colleague();
        String pa = as(a).get("/v0/credentials").path("password");
        String pb = as(b).get("/v0/credentials").path("password");
        assertThat(pa).isNotEqualTo(pb);
        as(b).post("/v0/credentials/password").then().statusCode(200);
        assertThat(as(a).get("/v0/credentials").<String>path("password")).isEqualTo(pa);
    }

    @Test
    void passwordsAreMixedLikeTheRealServices() {
        String p = as(Caller.random()).get("/v0/credentials").path("password");
        assertThat(p)
                .matches(".*[A-Z].*")
                .matches(".*[a-z].*")
                .matches(".*[0-9].*")
                .matches(".*[^A-Za-z0-9].*");
    }

    @Test
    void withoutCredentialsIs401() {
        assertError(anonymous().get("/v0/credentials"), 401, "unauthorized");
        assertError(anonymous().post("/v0/credentials/password"), 401, "unauthorized");
    }
}
