package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.mcremulator.server.auth.AuthMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Server lifetime: shared per JVM run and closed with the run's root context; per class when asked; VERIFY auth.
 * Each scenario runs its nested classes in a separate JUnit run (EngineTestKit), which has its own root context.
 */
class ServerLifecycleTest {
    static final String PORTS_LOCK = "io.mcremulator.junit.ServerLifecycleTest.PORTS";
    static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

    @Test
    @ResourceLock(PORTS_LOCK) // the outer run may be parallel: the two scenarios must not fill PORTS at once
    void oneServerPerRunIsSharedByClassesAndClosedWhenTheRunEnds() {
        PORTS.clear();
        run(SharedA.class, SharedB.class);
        assertThat(PORTS).hasSize(2);
        assertThat(PORTS.get(0)).isEqualTo(PORTS.get(1));
        assertThat(ServerProbe.listening(PORTS.get(0)))
                .as("closed at the end of the run")
                .isFalse();
    }

    @Test
    @ResourceLock(PORTS_LOCK)
    void classScopeGivesEachClassItsOwnServer() {
        PORTS.clear();
        run(PerClassA.class, PerClassB.class);
        assertThat(PORTS).hasSize(2).doesNotHaveDuplicates();
        for (int port : PORTS) assertThat(ServerProbe.listening(port)).isFalse();
    }

    @Test
    void verifyModeAcceptsTheHandlesSignedTokensOnly() {
        EngineExecutionResults r = run(VerifyMode.class);
        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c : classes) selectors.add(selectClass(c));
        EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectors.toArray(new org.junit.platform.engine.DiscoverySelector[0]))
                .execute();
        r.allEvents().failed().stream().forEach(e -> {
            throw new AssertionError("nested run failed: " + e);
        });
        return r;
    }

    @McrEmulatorTest(options = "defaultPageLimit=21")
    static class SharedA {
        @Test
        void test(McrEmulator mcr) {
            PORTS.add(mcr.port());
            assertThat(ServerProbe.listening(mcr.port())).isTrue();
        }
    }

    @McrEmulatorTest(options = "defaultPageLimit=21")
    static class SharedB {
        @Test
        void test(McrEmulator mcr) {
            PORTS.add(mcr.port());
        }
    }

    @McrEmulatorTest(server = ServerScope.CLASS)
    static class PerClassA {
        @Test
        void test(McrEmulator mcr) {
            PORTS.add(mcr.port());
        }
    }

    @McrEmulatorTest(server = ServerScope.CLASS)
    static class PerClassB {
        @Test
        void test(McrEmulator mcr) {
            PORTS.add(mcr.port());
        }
    }

    @McrEmulatorTest(auth = AuthMode.VERIFY)
    static class VerifyMode {
        @Test
        void test(McrEmulator mcr) {
            String url = mcr.managementUrl() + "/v0/registries";
            assertThat(Http.get(url, "Authorization", mcr.authorizationHeader()).statusCode())
                    .isEqualTo(200);
            String[] parts = mcr.bearerToken().split("\\.");
            String unsigned = Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                    + "." + parts[1] + ".";
            assertThat(Http.get(url, "Authorization", "Bearer " + unsigned).statusCode())
                    .isEqualTo(401);
        }
    }
}
