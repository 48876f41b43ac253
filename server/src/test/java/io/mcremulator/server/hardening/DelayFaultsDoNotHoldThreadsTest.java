package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.support.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 3: requests waiting on a {@code delayMs} fault hold no server thread. With 260 of them waiting
 * (more than Jetty's 250 threads), the health check and {@code DELETE /_emulator/faults} still answer, and that
 * DELETE lets every waiting request finish at once.
 */
class DelayFaultsDoNotHoldThreadsTest extends DelayFaultTestBase {
    /** How long a poll may wait: every request reaches its wait. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static final int WAITING = 260;

    @Test
    void manyDelayedRequestsLeaveTheControlApiAnswerableAndClearingReleasesThem() throws Exception {
        Caller c = Caller.random();
        control()
                .body("{\"operationId\":\"getRegistries\",\"delayMs\":120000}")
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            pending.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/registries"))
                            .header("Authorization", c.bearer())
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await("all " + WAITING + " requests wait on the delay", BOUND, () -> delayed() == WAITING);

        control().get("/_emulator/health").then().statusCode(200);
        as(c).get("/v0/proxy-caches").then().statusCode(200); // other routes are served as usual
        assertThat(pending).noneMatch(CompletableFuture::isDone);

        control().delete("/_emulator/faults").then().statusCode(204);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> f : pending)
            assertThat(f.get().statusCode()).isEqualTo(200);
        assertThat(delayed()).isZero();
    }

    @Test
    void delaysAreCapped() {
        control().body("{\"delayMs\":120001}").post("/_emulator/faults").then().statusCode(400);
        control()
                .body("{\"delayMs\":1,\"delayMaxMs\":120001}")
                .post("/_emulator/faults")
                .then()
                .statusCode(400);
    }
}
