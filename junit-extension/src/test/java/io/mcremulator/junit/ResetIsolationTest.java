package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * RESET isolation: every test starts from the seed, even though each one deletes the seeded registry and the
 * tests are declared concurrent (the extension runs them one at a time on their server).
 */
@McrEmulatorTest(
        isolation = Isolation.RESET,
        seed = "classpath:seeds/reset-base.json",
        options = "tenant=44444444-4444-4444-8444-444444444444")
@Execution(ExecutionMode.CONCURRENT)
class ResetIsolationTest {

    @RepeatedTest(6)
    void startsFromTheSeedEveryTime(McrEmulator mcr) {
        assertThat(mcr.tenant().id()).isEqualTo("44444444-4444-4444-8444-444444444444");
        assertThat(mcr.state().registries()).hasSize(1);
        var seeded = mcr.state().registry("reset-base").orElseThrow();
        HttpResponse<String> deleted = Http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(mcr.managementUrl() + "/v0/registries/" + seeded.id()))
                .header("Authorization", mcr.authorizationHeader())
                .DELETE()
                .build());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        String extra = "reset-extra";
        assertThat(Http.postJson(
                                mcr.managementUrl() + "/v0/registries",
                                "X-API-Key",
                                mcr.apiKey(),
                                "{\"name\":\"" + extra + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(mcr.state().registries()).extracting(r -> r.name()).containsExactly(extra);
    }
}
