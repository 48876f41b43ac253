package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented switches of docs/behaviour.md, set the other way. */
class ConfigSwitchesTest extends ApiTestBase {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.getRepositoryStatus(201)
                .engine(EmulatorConfig.builder()
                        .nonEmptyRegistryDelete(EmulatorConfig.NonEmptyRegistryDelete.CONFLICT)
                        .neverPulled(EmulatorConfig.NeverPulled.PUSHED_AT)
                        .defaultPageLimit(7)
                        .build());
    }

    @Test
    void nonEmptyRegistryDeleteConflictsUntilItsRepositoriesAreGone() {
        Caller c = Caller.random();
        String id = seedRegistry(
                c,
                uniqueName("full"),
                List.of(repo("app", List.of(image(digest("c"), 1, "2024-01-01T00:00:00Z", "t")))));
        Response r = as(c).delete("/v0/registries/" + id);
        assertError(r, 409, "conflict");
        r.then().body("message", containsString("repositories"));
        as(c).delete("/v0/registries/" + id + "/repositories/app").then().statusCode(204);
        as(c).delete("/v0/registries/" + id).then().statusCode(204);
    }

    @Test
    void getRepositoryCanAnswer201AsTheSpecSays() {
        Caller c = Caller.random();
        String id = seedRegistry(c, uniqueName("s201"), List.of(repo("app", List.of())));
        String repo = as(c).get("/v1/registries/" + id + "/repositories").path("results[0].id");
        as(c).get("/v1/registries/" + id + "/repositories/" + repo)
                .then()
                .statusCode(201)
                .body("name", equalTo("app"));
        as(c).get("/v0/registries/" + id + "/repositories/app").then().statusCode(201);
    }

    @Test
    void neverPulledCanShowThePushTimeAndTheDefaultLimitIsConfigurable() {
        Caller c = Caller.random();
        String id = seedRegistry(
                c,
                uniqueName("np"),
                List.of(repo("app", List.of(image(digest("np"), 1, "2024-01-01T00:00:00Z", "t")))));
        as(c).get("/v0/registries/" + id + "/repositories/app/images/t")
                .then()
                .body("pulled_at", equalTo("2024-01-01T00:00:00Z"));
        as(c).get("/v0/registries").then().body("meta.page.limit", equalTo(7));
    }
}
