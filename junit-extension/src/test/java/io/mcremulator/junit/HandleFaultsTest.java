package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.ActiveFault;
import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.FaultSpec;
import io.mcremulator.core.model.RegistryInfo;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Fault injection through the handle, run concurrently: rules hit only their test's tenant and end with the test. */
@McrEmulatorTest
@Execution(ExecutionMode.CONCURRENT)
class HandleFaultsTest {
    static final Set<String> FAULT_IDS = ConcurrentHashMap.newKeySet();

    /** What the Go SDK does: retry 429 and 5xx, up to three retries. */
    static HttpResponse<String> createWithRetries(McrEmulator mcr, TestTenant who, String name) {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            r = Http.postJson(
                    mcr.managementUrl() + "/v0/registries",
                    "Authorization",
                    who.authorizationHeader(),
                    "{\"name\":\"" + name + "\"}");
            if (r.statusCode() != 429 && r.statusCode() < 500) return r;
        }
        return r;
    }

    @RepeatedTest(6)
    void goSdkRetryPatternSucceedsOnTheThirdCall(McrEmulator mcr) {
        AddedFault fault = mcr.faults()
                .add(FaultSpec.operation("createRegistry").status(503).firstN(2));
        FAULT_IDS.add(fault.id());
        String name = mcr.uniqueName("retry");

        HttpResponse<String> r = createWithRetries(mcr, mcr.tenant(), name);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        mcr.verify("createRegistry")
                .withBodyContaining("\"name\":\"" + name + "\"")
                .calledTimes(3);
        mcr.verify("createRegistry").withStatus(503).withFault(fault.id()).calledTimes(2);
        mcr.verify("createRegistry").withStatus("2xx").calledOnce();
        assertThat(fault.fired()).isEqualTo(2);
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(name);
    }

    @Test
    void aRuleWithoutTenantOnlyHitsTheTestTenant(McrEmulator mcr) {
        AddedFault fault =
                mcr.faults().add(FaultSpec.operation("createRegistry").status(500));
        FAULT_IDS.add(fault.id());
        assertThat(fault.current().tenant()).isEqualTo(mcr.tenant().id());

        HttpResponse<String> mine = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                mcr.authorizationHeader(),
                "{\"name\":\"" + mcr.uniqueName("own") + "\"}");
        assertThat(mine.statusCode()).isEqualTo(500);
        assertThat(mine.body()).contains("\"slug\":\"internal_server_error\"").contains(fault.id());

        TestTenant other = mcr.newTenant();
        HttpResponse<String> theirs = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                other.authorizationHeader(),
                "{\"name\":\"" + mcr.uniqueName("other") + "\"}");
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(201);
    }

    @Test
    void rawJsonRulesTooAndAnExplicitTenantIsKept(McrEmulator mcr) {
        TestTenant other = mcr.newTenant();
        AddedFault fault = mcr.faults()
                .add("{\"operationId\":\"getRegistries\",\"status\":429,\"retryAfterSeconds\":7,\"tenant\":\""
                        + other.id() + "\"}");
        FAULT_IDS.add(fault.id());
        assertThat(Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", mcr.authorizationHeader())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> r =
                Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", other.authorizationHeader());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void listRemoveAndClear(McrEmulator mcr) {
        AddedFault a = mcr.faults().add(FaultSpec.operation("getRegistries").status(503));
        AddedFault b = mcr.faults().add(FaultSpec.operation("createRegistry").status(503));
        FAULT_IDS.add(a.id());
        FAULT_IDS.add(b.id());
        assertThat(mcr.faults().list()).extracting(ActiveFault::id).containsExactly(a.id(), b.id());
        assertThat(mcr.faults().listAll()).extracting(ActiveFault::id).contains(a.id(), b.id());

        a.remove();
        assertThat(mcr.faults().list()).extracting(ActiveFault::id).containsExactly(b.id());
        assertThat(Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", mcr.authorizationHeader())
                        .statusCode())
                .isEqualTo(200);

        mcr.faults().clear();
        assertThat(mcr.faults().list()).isEmpty();
        assertThat(mcr.faults().listAll()).extracting(ActiveFault::id).doesNotContain(b.id());
    }

    @Test
    void aBadRuleIsRefusedWithTheServersMessage(McrEmulator mcr) {
        assertThatThrownBy(() ->
                        mcr.faults().add(FaultSpec.operation("createRegistyr").status(503)))
                .isInstanceOf(ControlApiException.class)
                .hasMessageContaining("400")
                .hasMessageContaining("createRegistyr");
        assertThatThrownBy(() -> mcr.faults().add("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @AfterAll
    static void faultsOfFinishedTestsAreGone(McrEmulator classHandle) {
        assertThat(FAULT_IDS).hasSize(10);
        assertThat(classHandle.faults().listAll()).extracting(ActiveFault::id).doesNotContainAnyElementsOf(FAULT_IDS);
    }
}
