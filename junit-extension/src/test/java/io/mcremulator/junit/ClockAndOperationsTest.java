package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.client.OperationInfo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The clock is one per server: these tests use RESET isolation, so they never run at the same time as another test
 * on their server; the handle puts the clock back when the test ends.
 */
@McrEmulatorTest(isolation = Isolation.RESET)
class ClockAndOperationsTest {
    static final Instant AT = Instant.parse("2030-01-02T03:04:05Z");

    private static String createdAt(McrEmulator mcr, String name) {
        var r = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                mcr.authorizationHeader(),
                "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = r.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        var got = Http.get(mcr.managementUrl() + "/v0/registries/" + id, "Authorization", mcr.authorizationHeader())
                .body();
        int i = got.indexOf("\"created_at\":\"") + 14;
        assertThat(i).as(got).isGreaterThan(14);
        return got.substring(i, got.indexOf('"', i));
    }

    @Test
    void fixAndAdvanceTheClock(McrEmulator mcr) {
        mcr.clock().fix(AT);
        assertThat(mcr.clock().now()).isEqualTo(AT);
        assertThat(createdAt(mcr, mcr.uniqueName("c1"))).isEqualTo("2030-01-02T03:04:05Z");
        mcr.clock().advance(Duration.ofMinutes(90));
        assertThat(mcr.clock().now()).isEqualTo(AT.plus(Duration.ofMinutes(90)));
        assertThat(createdAt(mcr, mcr.uniqueName("c2"))).isEqualTo("2030-01-02T04:34:05Z");
    }

    @Test
    void theClockIsBackToSystemTimeForTheNextTest(McrEmulator mcr) {
        mcr.clock().fix(AT);
        ((DefaultMcrEmulator) mcr).close(); // what the extension does when the test ends
        Instant now = mcr.clock().now();
        assertThat(now).isAfter(Instant.parse("2025-01-01T00:00:00Z")).isBefore(AT);
    }

    @Test
    void operationsListTheImplementedApi(McrEmulator mcr) {
        assertThat(mcr.operations()).anySatisfy(op -> {
            assertThat(op.operationId()).isEqualTo("createRegistry");
            assertThat(op.api()).isEqualTo("management");
            assertThat(op.method()).isEqualTo("POST");
            assertThat(op.paths()).contains("/v0/registries");
        });
        assertThat(mcr.operations()).extracting(OperationInfo::api).contains("oci", "management");
    }

    @Test
    void underResetIsolationTheJournalHoldsThisTestsRequestsOnly(McrEmulator mcr) {
        assertThat(mcr.requests(java.util.Map.of())).isEmpty();
        createdAt(mcr, mcr.uniqueName("j"));
        mcr.verify("createRegistry").calledOnce();
    }
}
