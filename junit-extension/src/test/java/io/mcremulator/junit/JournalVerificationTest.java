package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The request journal through the handle: each concurrently running test sees its own requests only. */
@McrEmulatorTest
@Execution(ExecutionMode.CONCURRENT)
class JournalVerificationTest {

    private static void create(McrEmulator mcr, TestTenant who, String name) {
        assertThat(Http.postJson(
                                mcr.managementUrl() + "/v0/registries",
                                "Authorization",
                                who.authorizationHeader(),
                                "{\"name\":\"" + name + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @RepeatedTest(8)
    void verifiesOneCallWithAName(McrEmulator mcr) {
        String name = mcr.uniqueName("jv");
        create(mcr, mcr.tenant(), name);
        Http.get(mcr.managementUrl() + "/v0/registries", "X-API-Key", mcr.apiKey());

        RecordedRequest r = mcr.verify("createRegistry")
                .withBodyContaining("\"name\":\"" + name + "\"")
                .calledOnce();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/br-se1/container-registry/v0/registries");
        assertThat(r.tenant()).isEqualTo(mcr.tenant().id());
        assertThat(r.region()).isEqualTo("br-se1");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.responseBody()).contains(name);
        mcr.verify("getRegistries").calledOnce();
        mcr.verify("deleteRegistry").neverCalled();
        assertThat(mcr.requests("createRegistry")).hasSize(1);
    }

    @Test
    void aFailedVerificationListsWhatWasRecorded(McrEmulator mcr) {
        create(mcr, mcr.tenant(), mcr.uniqueName("first"));
        create(mcr, mcr.tenant(), mcr.uniqueName("second"));

        assertThatThrownBy(() -> mcr.verify("createRegistry")
                        .withBodyContaining("\"name\":\"third\"")
                        .calledOnce())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "expected createRegistry [bodyContains=\"name\":\"third\"] to be called exactly 1 time(s), but it was called 0 time(s)")
                .hasMessageContaining(
                        "POST /br-se1/container-registry/v0/registries -> 201 [createRegistry] {\"name\":\"first-")
                .hasMessageContaining("{\"name\":\"second-")
                .hasMessageContaining(mcr.tenant().id());
        assertThatThrownBy(() -> mcr.verify("createRegistry").calledAtLeast(3))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at least 3 time(s), but it was called 2 time(s)");
    }

    @Test
    void anUnknownOperationIdFailsNamingTheCloseOnesInsteadOfMatchingNothing(McrEmulator mcr) {
        assertThatThrownBy(() -> mcr.verify("listRegistries").neverCalled())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown operation id 'listRegistries' (did you mean getRegistries?)")
                .hasMessageContaining("docs/junit.md");
        assertThatThrownBy(() -> mcr.verify("createRegistyr")).hasMessageContaining("did you mean createRegistry?");
    }

    @Test
    void requestsOfFurtherTenantsCountAndCanBeSingledOut(McrEmulator mcr) {
        TestTenant other = mcr.newTenant();
        create(mcr, mcr.tenant(), mcr.uniqueName("a"));
        create(mcr, other, mcr.uniqueName("b"));

        mcr.verify("createRegistry").calledTimes(2);
        mcr.verify("createRegistry").byTenant(other.id()).calledOnce();
        List<RecordedRequest> mine = mcr.requests(
                Map.of("operationId", "createRegistry", "tenant", mcr.tenant().id()));
        assertThat(mine)
                .extracting(RecordedRequest::tenant)
                .containsExactly(mcr.tenant().id());
        assertThat(mcr.requests(Map.of("status", "4xx"))).isEmpty();
    }

    @Test
    void unmatchedRequestsWithTheTestsCredentialsAreReported(McrEmulator mcr) {
        Http.get(mcr.managementUrl() + "/v0/registrys", "Authorization", mcr.authorizationHeader());
        assertThatThrownBy(mcr::assertNoUnmatchedRequests)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("of this test matched no route")
                .hasMessageContaining("GET /br-se1/container-registry/v0/registrys -> 404");
    }
}
