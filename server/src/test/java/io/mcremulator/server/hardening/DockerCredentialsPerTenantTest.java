package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 11, defect 6: docker credentials belong to (tenant, user id); a shared {@code sub} gets nothing of another tenant. */
class DockerCredentialsPerTenantTest extends ApiTestBase {
    @Test
    void theSameSubInTwoTenantsIsTwoUsersWithTwoPasswords() {
        String sub = UUID.randomUUID().toString();
        String victimTenant = UUID.randomUUID().toString();
        Caller victim =
                new Caller(victimTenant, sub, "v@example.com", Caller.jwt(victimTenant, sub, "v@example.com", null));
        String attackerTenant = UUID.randomUUID().toString();
        Caller attacker = new Caller(
                attackerTenant, sub, "a@example.com", Caller.jwt(attackerTenant, sub, "a@example.com", null));

        String victimPassword = as(victim)
                .get("/v0/credentials")
                .then()
                .statusCode(200)
                .extract()
                .path("password");
        String attackerPassword = as(attacker)
                .get("/v0/credentials")
                .then()
                .statusCode(200)
                .extract()
                .path("password");
        assertThat(attackerPassword).isNotEqualTo(victimPassword);

        // a reset by one does not touch the other
        as(attacker).post("/v0/credentials/password").then().statusCode(200);
        assertThat((String) as(victim).get("/v0/credentials").then().extract().path("password"))
                .isEqualTo(victimPassword);

        // each pair logs in as its own tenant: the victim's registry is visible to the victim's pair only
        String registry = uniqueName("victim");
        seedRegistry(victim, registry, java.util.List.of(repo("team/app", java.util.List.of())));
        String attackerNow =
                as(attacker).get("/v0/credentials").then().extract().path("password");
        assertThat(catalog(sub, victimPassword)).contains(registry);
        assertThat(catalog(sub, attackerNow)).doesNotContain(registry);
    }

    private String catalog(String user, String password) {
        return RestAssured.given()
                .baseUri(server.baseUrl())
                .auth()
                .preemptive()
                .basic(user, password)
                .get("/v2/_catalog")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
