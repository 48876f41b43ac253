package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * A failing test's message ends with the web console's link to its tenant; the switch {@code consoleLinkOnFailure}
 * turns it off. Assertion failures keep expected/actual; other exceptions keep their type. The classes under test
 * are nested and run by EngineTestKit.
 */
class ConsoleLinkOnFailureTest {
    static volatile String tenantSeen;
    static volatile String consoleUrlSeen;

    @Test
    void anAssertionFailureEndsWithTheConsoleLinkOfTheTestsTenant() {
        List<Throwable> failures = failures(run(Failing.class));
        assertThat(failures).hasSize(2);
        AssertionFailedError equality = (AssertionFailedError) failures.stream()
                .filter(t -> t instanceof AssertionFailedError)
                .findFirst()
                .orElseThrow();
        assertThat(equality.getMessage())
                .startsWith("registries ==> expected: <2> but was: <1>")
                .endsWith("mcr-emulator console (this test's tenant): " + consoleUrlSeen);
        assertThat(consoleUrlSeen).contains("/_emulator/console/#/state?tenant=" + tenantSeen);
        assertThat(equality.getExpected().getValue()).isEqualTo(2);
        assertThat(equality.getActual().getValue()).isEqualTo(1);
        assertThat(equality.getStackTrace()[0].getClassName()).startsWith("org.junit.jupiter.api.Assert");

        Throwable plain = failures.stream()
                .filter(t -> !(t instanceof AssertionFailedError))
                .findFirst()
                .orElseThrow();
        assertThat(plain).isExactlyInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(plain.getSuppressed())
                .singleElement()
                .satisfies(s -> assertThat(s.getMessage()).contains("/_emulator/console/#/state?tenant="));
    }

    @Test
    void theSwitchTurnsTheLinkOff() {
        List<Throwable> failures = failures(run(LinkOff.class));
        assertThat(failures).singleElement().satisfies(t -> {
            assertThat(t.getMessage()).doesNotContain("mcr-emulator console");
            assertThat(t.getSuppressed()).isEmpty();
        });
    }

    @Test
    void theHandleNamesItsConsoleUrl() {
        assertThat(failures(run(Passing.class))).isEmpty();
        assertThat(consoleUrlSeen).matches("http://127\\.0\\.0\\.1:\\d+/_emulator/console/#/state\\?tenant=.+");
    }

    private static EngineExecutionResults run(Class<?> type) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(type))
                .execute();
    }

    private static List<Throwable> failures(EngineExecutionResults r) {
        return r.testEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow())
                .toList();
    }

    // ---- classes run by the tests above (nested, so the build's own test run does not pick them up) ----

    @McrEmulatorTest
    static class Failing {
        @Test
        void assertionFails(McrEmulator mcr) {
            tenantSeen = mcr.tenant().id();
            consoleUrlSeen = mcr.consoleUrl();
            Assertions.assertEquals(2, 1, "registries");
        }

        @Test
        void codeUnderTestThrows(McrEmulator mcr) {
            throw new IllegalStateException("boom");
        }
    }

    static class LinkOff {
        @RegisterExtension
        static McrEmulatorExtension emulator =
                McrEmulatorExtension.builder().consoleLinkOnFailure(false).build();

        @Test
        void assertionFails(McrEmulator mcr) {
            Assertions.assertEquals(2, 1);
        }
    }

    @McrEmulatorTest
    static class Passing {
        @Test
        void readsTheUrl(McrEmulator mcr) {
            consoleUrlSeen = mcr.consoleUrl();
        }
    }
}
