package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlClientTest extends ControlTestSupport {

    @Test
    void drivesFaultsJournalSnapshotsAndClock() {
        ControlClient control = new ControlClient(server.baseUrl() + "/");
        String id = control.addFault(
                FaultSpec.operation("createRegistry").status(503).firstN(2));
        assertThat(control.faults()).extracting(f -> f.get("id")).containsExactly(id);

        for (int i = 0; i < 2; i++)
            as(TENANT_A).body("{\"name\":\"c\"}").post("/v0/registries").then().statusCode(503);
        as(TENANT_A).body("{\"name\":\"c\"}").post("/v0/registries").then().statusCode(201);
        assertThat(control.requests("createRegistry"))
                .extracting(r -> r.get("status"))
                .containsExactly(503, 503, 201);
        assertThat(control.requests(Map.of("operationId", "createRegistry", "status", "2xx")))
                .hasSize(1);
        assertThat(control.fault(id)).containsEntry("fired", 2);
        assertThat(control.unmatchedRequests()).isEmpty();
        control.assertNoUnmatchedRequests();
        assertThat(control.count(Map.of("operationId", "createRegistry", "bodyContains", "\"name\":\"c\"")))
                .isEqualTo(3);
        as(TENANT_A).get("/v0/typo?x=1").then().statusCode(404);
        assertThat(control.unmatchedRequests()).extracting(r -> r.get("path")).containsExactly("/v0/typo");
        assertThatThrownBy(control::assertNoUnmatchedRequests)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v0/typo?x=1 -> 404");

        control.saveSnapshot("one");
        control.resetTenant(TENANT_A);
        assertThat(control.exportTenant(TENANT_A)).doesNotContain("\"c\"");
        control.restoreSnapshot("one");
        assertThat(control.export()).contains("\"name\":\"c\"");

        control.fixClock(Instant.parse("2024-01-01T00:00:00Z"));
        control.advanceClock(Duration.ofMinutes(5));
        assertThat(control.now()).isEqualTo(Instant.parse("2024-01-01T00:05:00Z"));
        control.resumeClock();

        assertThat(control.operations()).extracting(o -> o.get("operationId")).contains("createRegistry");
        control.removeFault(id);
        assertThatThrownBy(() -> control.removeFault(id))
                .isInstanceOf(ControlClient.ControlApiException.class)
                .satisfies(e -> assertThat(((ControlClient.ControlApiException) e).status())
                        .isEqualTo(404));
        control.reset();
        assertThat(control.requests(Map.of())).isEmpty();
    }

    @Test
    void faultSpecWritesTheRuleJson() {
        assertThat(FaultSpec.operation("createRegistry").status(503).firstN(2).toJson())
                .isEqualTo("{\"operationId\":\"createRegistry\",\"status\":503,\"firstN\":2}");
        assertThat(FaultSpec.path("/v0/\"x\"").delayMs(5, 10).drop().toJson())
                .isEqualTo("{\"path\":\"/v0/\\\"x\\\"\",\"delayMs\":5,\"delayMaxMs\":10,\"drop\":true}");
        List<String> ids = List.of(new ControlClient(server.baseUrl())
                .addFault(FaultSpec.any()
                        .tenant("t")
                        .status(500)
                        .probability(0.25)
                        .seed(3)));
        assertThat(ids).containsExactly("fault-1");
    }
}
