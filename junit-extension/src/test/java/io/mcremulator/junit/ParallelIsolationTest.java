package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.core.model.RegistryInfo;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests running at the same time on the one shared server each see only their own tenant's state
 * (junit-platform.properties turns on concurrent execution for the module).
 */
@McrEmulatorTest
@Execution(ExecutionMode.CONCURRENT)
class ParallelIsolationTest {
    static final Set<String> TENANTS = ConcurrentHashMap.newKeySet();
    static final CyclicBarrier TWO_AT_ONCE = new CyclicBarrier(2);

    @RepeatedTest(24)
    void eachTestSeesOnlyItsOwnRegistries(McrEmulator mcr) {
        assertThat(TENANTS.add(mcr.tenant().id()))
                .as("tenant ids are never reused")
                .isTrue();
        assertThat(mcr.state().registries()).isEmpty();
        String name = mcr.uniqueName("par");
        HttpResponse<String> r = Http.postJson(
                mcr.managementUrl() + "/v0/registries",
                "Authorization",
                mcr.authorizationHeader(),
                "{\"name\":\"" + name + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        HttpResponse<String> list =
                Http.get(mcr.managementUrl() + "/v0/registries", "Authorization", mcr.authorizationHeader());
        assertThat(list.body()).contains("\"total\":1").contains(name);
        assertThat(mcr.state().registries()).extracting(RegistryInfo::name).containsExactly(name);
    }

    // These two only pass if they run at the same time: proof that the suite really executes concurrently.
    @Test
    void meetsAnotherTestRunningAtTheSameTime(McrEmulator mcr) throws Exception {
        TWO_AT_ONCE.await(60, TimeUnit.SECONDS);
        assertThat(mcr.state().registries()).isEmpty();
    }

    @Test
    void isMetByAnotherTestRunningAtTheSameTime(McrEmulator mcr) throws Exception {
        TWO_AT_ONCE.await(60, TimeUnit.SECONDS);
        assertThat(mcr.state().registries()).isEmpty();
    }

    @AfterAll
    static void tenantsOfFinishedTestsAreGone(McrEmulator classHandle) {
        for (String id : TENANTS)
            assertThat(classHandle.tenant(id).state().registries())
                    .as("tenant " + id)
                    .isEmpty();
    }
}
