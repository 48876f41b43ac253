package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.ActiveFault;
import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.client.FaultSpec;
import io.mcremulator.client.HttpEmulatorControl;
import io.mcremulator.client.McrVulnerability;
import io.mcremulator.client.OperationInfo;
import io.mcremulator.client.RecordedRequest;
import io.mcremulator.client.SnapshotInfo;
import io.mcremulator.server.McrEmulatorServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two implementations of the control client, in-process and HTTP, answer alike. */
class EmulatorControlTest extends ControlTestSupport {

    private EmulatorControl control(String kind) {
        Function<McrEmulatorServer, EmulatorControl> make =
                kind.equals("http") ? s -> new HttpEmulatorControl(s.baseUrl() + "/") : McrEmulatorServer::control;
        return make.apply(server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void drivesFaultsJournalSnapshotsAndClock(String kind) {
        EmulatorControl control = control(kind);
        String id = control.addFault(
                FaultSpec.operation("createRegistry").status(503).firstN(2));
        assertThat(control.faults()).extracting(ActiveFault::id).containsExactly(id);

        for (int i = 0; i < 2; i++)
            as(TENANT_A).body("{\"name\":\"c\"}").post("/v0/registries").then().statusCode(503);
        as(TENANT_A).body("{\"name\":\"c\"}").post("/v0/registries").then().statusCode(201);
        assertThat(control.requests("createRegistry"))
                .extracting(RecordedRequest::status)
                .containsExactly(503, 503, 201);
        assertThat(control.requests(Map.of("operationId", "createRegistry", "status", "2xx")))
                .singleElement()
                .satisfies(r -> assertThat(r.tenant()).isEqualTo(TENANT_A));
        assertThat(control.fault(id).fired()).isEqualTo(2);
        control.verify("createRegistry").withBodyContaining("\"name\":\"c\"").calledTimes(3);
        control.verify("createRegistry").withStatus("2xx").calledOnce();
        assertThatThrownBy(() -> control.verify("listRegistries"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown operation id 'listRegistries'")
                .hasMessageContaining("did you mean getRegistries?");
        control.assertNoUnmatchedRequests();
        as(TENANT_A).get("/v0/typo?x=1").then().statusCode(404);
        assertThat(control.unmatchedRequests())
                .extracting(RecordedRequest::path)
                .containsExactly("/v0/typo");
        assertThatThrownBy(control::assertNoUnmatchedRequests)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v0/typo?x=1 -> 404");

        control.saveSnapshot("one");
        assertThat(control.snapshots()).extracting(SnapshotInfo::name).containsExactly("one");
        control.resetTenant(TENANT_A);
        assertThat(control.export(Map.of("tenant", TENANT_A))).doesNotContain("\"c\"");
        control.restoreSnapshot("one");
        assertThat(control.export()).contains("\"name\":\"c\"");
        control.deleteSnapshot("one");

        control.fixClock(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(control.advanceClock(Duration.ofMinutes(5)).fixed()).isTrue();
        assertThat(control.now()).isEqualTo(Instant.parse("2024-01-01T00:05:00Z"));
        assertThat(control.resumeClock().fixed()).isFalse();

        assertThat(control.operations()).extracting(OperationInfo::operationId).contains("createRegistry");
        control.removeFault(id);
        assertThatThrownBy(() -> control.removeFault(id)).isInstanceOfSatisfying(ControlApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.body()).contains("\"slug\"").contains(id);
        });
        control.reset();
        assertThat(control.requests(Map.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void scanControlsAnswerAlike(String kind) {
        EmulatorControl control = control(kind);
        String digest = "sha256:" + "ab".repeat(32);
        control.setFindings(
                digest, McrVulnerability.of("CVE-1", "HIGH", "zlib", "1").fixedVersion("2"));
        control.setFindingsForTag("reg", "team/app", "1.0");
        assertThat(control.findings()).extracting(f -> f.get("digest")).containsExactly(digest, null);
        control.removeFindings("reg/team/app:1.0");
        assertThat(control.findings()).hasSize(1);
        control.holdScansRunning();
        control.failNextScans(2);
        assertThat(control.scanSettings()).containsEntry("hold", "running").containsEntry("fail_next", 2L);
        assertThat(control.updateScanSettings(Map.of("hold", "none"))).containsEntry("hold", "none");
        assertThat(control.completeAllScans()).isZero();
        control.clearFindings();
        assertThat(control.findings()).isEmpty();
        assertThatThrownBy(() -> control.removeFindings(digest))
                .isInstanceOfSatisfying(
                        ControlApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void badInputIsRefusedAlikeAndChangesNothing(String kind) {
        EmulatorControl control = control(kind);
        assertThatThrownBy(() -> control.addFault("{\"status\":99}"))
                .isInstanceOfSatisfying(
                        ControlApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> control.requests(Map.of("colour", "red")))
                .isInstanceOfSatisfying(
                        ControlApiException.class, e -> assertThat(e.body()).contains("colour"));
        assertThatThrownBy(() -> control.seed("{\"version\":1,\"tenants\":7}")).isInstanceOf(ControlApiException.class);
        assertThat(control.faults()).isEmpty();
        assertThat(control.export()).doesNotContain("\"registries\":[{");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "http"})
    void faultSpecsGoInAsWritten(String kind) {
        assertThat(FaultSpec.operation("createRegistry").status(503).firstN(2).toJson())
                .isEqualTo("{\"operationId\":\"createRegistry\",\"status\":503,\"firstN\":2}");
        assertThat(FaultSpec.path("/v0/\"x\"").delayMs(5, 10).drop().toJson())
                .isEqualTo("{\"path\":\"/v0/\\\"x\\\"\",\"delayMs\":5,\"delayMaxMs\":10,\"drop\":true}");
        EmulatorControl control = control(kind);
        List<String> ids = List.of(control.addFault(
                FaultSpec.any().tenant("t").status(500).probability(0.25).seed(3)));
        assertThat(ids).containsExactly("fault-1");
        assertThat(control.fault("fault-1").rule()).containsEntry("probability", 0.25);
    }
}
