package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The server started while the launcher prepares the run: the first test gets that one, and nothing is started for
 * runs without an {@code @McrEmulatorTest} or left running when no test took it. Each scenario runs a launcher of its
 * own, which loads {@link EarlyServerStart} from META-INF/services as surefire, Gradle and IDEs do.
 */
@ResourceLock("io.mcremulator.junit.EarlyServerStartTest")
class EarlyServerStartTest {
    /** The fixtures' server key: their own (cleanupTenants), never the enclosing surefire run's early server. */
    private static final String KEY = EarlyServerStart.key(McrEmulatorExtension.annotationSettings(
            UsesTheEmulator.class, UsesTheEmulator.class.getAnnotation(McrEmulatorTest.class)));

    static volatile String seenBaseUrl;

    @Test
    void theFirstTestGetsTheServerStartedEarlyAndItStopsWithTheRun() {
        EarlyServerStart.STARTED.remove(KEY);
        seenBaseUrl = null;

        long failed = run(UsesTheEmulator.class);

        assertThat(failed).isZero();
        String early = EarlyServerStart.STARTED.get(KEY);
        assertThat(early).as("started early").isNotNull();
        assertThat(seenBaseUrl).isEqualTo(early);
        assertThat(ServerProbe.listening(early))
                .as("closed at the end of the run")
                .isFalse();
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void nothingStartsForARunWithoutTheExtension() {
        EarlyServerStart.STARTED.remove(KEY);

        long failed = run(PlainTest.class);

        assertThat(failed).isZero();
        assertThat(EarlyServerStart.STARTED).doesNotContainKey(KEY);
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void aServerNoTestTookIsStoppedWhenThePlanEnds() {
        EarlyServerStart.STARTED.remove(KEY);

        long failed = run(ProgrammaticWins.class);

        assertThat(failed).isZero();

        String early = EarlyServerStart.STARTED.get(KEY);
        assertThat(early).as("the plan held an @McrEmulatorTest class").isNotNull();
        assertThat(ServerProbe.listening(early)).as("stopped, never taken").isFalse();
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void canBeTurnedOff() {
        EarlyServerStart.STARTED.remove(KEY);
        seenBaseUrl = null;
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UsesTheEmulator.class))
                .configurationParameter(EarlyServerStart.ENABLED, "false")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        assertThat(seenBaseUrl).as("the test still got a server").isNotNull();
        assertThat(EarlyServerStart.STARTED).doesNotContainKey(KEY);
    }

    private static long run(Class<?> testClass) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .build(),
                        summary);
        return summary.getSummary().getTotalFailureCount();
    }

    @McrEmulatorTest(options = "cleanupTenants=false")
    static class UsesTheEmulator {
        @Test
        void test(McrEmulator mcr) {
            seenBaseUrl = mcr.baseUrl();
        }
    }

    // The annotation says one thing, a registered builder another: the builder wins, the early server is not used.
    @McrEmulatorTest(options = "cleanupTenants=false")
    static class ProgrammaticWins {
        @RegisterExtension
        static final McrEmulatorExtension MCR = McrEmulatorExtension.builder().build();

        @Test
        void test(McrEmulator mcr) {}
    }

    static class PlainTest {
        @Test
        void test() {}
    }
}
