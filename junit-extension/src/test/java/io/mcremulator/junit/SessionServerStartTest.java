package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.mcremulator.junit.EarlyServerStartTest.PlainTest;
import io.mcremulator.junit.EarlyServerStartTest.UsesTheEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The server started when the launcher session opens, before discovery: the first test takes it, a server no test
 * took stops with the session, per-request sessions start nothing, and the class path check tells test classes that
 * use the extension from those that do not. The scenarios run a launcher session of their own (as surefire 3,
 * Gradle and IDEs open one), with the fixtures' settings, so the enclosing run's own early server is not involved.
 */
@ResourceLock("io.mcremulator.junit.EarlyServerStartTest")
class SessionServerStartTest {
    private static final Settings FIXTURE = McrEmulatorExtension.annotationSettings(
            UsesTheEmulator.class, UsesTheEmulator.class.getAnnotation(McrEmulatorTest.class));
    private static final String KEY = EarlyServerStart.key(FIXTURE);

    @Test
    void theFirstTestGetsTheServerTheSessionStartedBeforeDiscovery() {
        EarlyServerStart.STARTED.remove(KEY);
        EarlyServerStartTest.seenBaseUrl = null;
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        try (LauncherSession session = LauncherFactory.openSession(config())) {
            assertThat(EarlyServerStart.pending(KEY))
                    .as("starting before anything was discovered")
                    .isTrue();
            session.getLauncher().execute(request(UsesTheEmulator.class), summary);
        }

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        String early = EarlyServerStart.STARTED.get(KEY);
        assertThat(early).as("started by the session").isNotNull();
        assertThat(EarlyServerStartTest.seenBaseUrl).isEqualTo(early);
        assertThat(ServerProbe.listening(early))
                .as("closed at the end of the run")
                .isFalse();
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void aServerNoTestTookStopsWhenTheSessionCloses() {
        EarlyServerStart.STARTED.remove(KEY);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        try (LauncherSession session = LauncherFactory.openSession(config())) {
            session.getLauncher().execute(request(PlainTest.class), summary);
        }

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        String early = EarlyServerStart.STARTED.get(KEY);
        assertThat(early)
                .as("this class path has test classes that use the extension")
                .isNotNull();
        assertThat(ServerProbe.listening(early))
                .as("stopped with the session, never taken")
                .isFalse();
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void theSessionsOfAPerRequestLauncherStartNothing() {
        EarlyServerStart.STARTED.remove(KEY);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        LauncherFactory.create(config()).execute(request(PlainTest.class), summary);

        assertThat(summary.getSummary().getTotalFailureCount()).isZero();
        assertThat(EarlyServerStart.STARTED).doesNotContainKey(KEY);
        assertThat(EarlyServerStart.pending(KEY)).isFalse();
    }

    @Test
    void startsOnlyForAClassPathWhoseTestClassesUseTheExtension(@TempDir Path dir) throws IOException {
        Path uses = dir.resolve("uses");
        Path plain = dir.resolve("plain");
        copyClassFile(UsesTheEmulator.class, uses);
        copyClassFile(PlainTest.class, plain);
        Path extensionClasses = Path.of(URI.create(McrEmulatorExtension.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString()));

        assertThat(SessionServerStart.usesExtension(loaderOf(uses))).isTrue();
        assertThat(SessionServerStart.usesExtension(loaderOf(plain))).isFalse();
        assertThat(SessionServerStart.usesExtension(loaderOf(plain, uses))).isTrue();
        if (Files.isDirectory(extensionClasses)) {
            // the extension's own classes name themselves: they are not a test that uses it
            assertThat(SessionServerStart.usesExtension(loaderOf(extensionClasses)))
                    .isFalse();
        }
    }

    @Test
    void junitPlatformPropertiesCanTurnItOffOrOn(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty(EarlyServerStart.ENABLED) == null, "the system property wins over the file");
        Path off = Files.createDirectories(dir.resolve("off"));
        Files.writeString(off.resolve("junit-platform.properties"), "mcr.emulator.earlyStart = false\n");
        Path on = Files.createDirectories(dir.resolve("on"));
        Files.writeString(on.resolve("junit-platform.properties"), "mcr.emulator.earlyStart=TRUE\n");

        assertThat(SessionServerStart.mode(loaderOf(off))).isEqualTo("false");
        assertThat(SessionServerStart.mode(loaderOf(on))).isEqualTo("true");
        assertThat(SessionServerStart.mode(loaderOf(dir))).isEqualTo("auto");
    }

    @Test
    void registeredForEveryLauncherThatOpensASession() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class)).anyMatch(l -> l instanceof SessionServerStart);
    }

    /** Only this listener, with the fixtures' settings; the plan-level early start stays out of the way. */
    private static LauncherConfig config() {
        return LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addLauncherSessionListeners(new SessionServerStart(() -> FIXTURE))
                .build();
    }

    private static org.junit.platform.launcher.LauncherDiscoveryRequest request(Class<?> testClass) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .build();
    }

    private static void copyClassFile(Class<?> type, Path root) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
    }

    private static ClassLoader loaderOf(Path... dirs) throws IOException {
        URL[] urls = new URL[dirs.length];
        for (int i = 0; i < dirs.length; i++) urls[i] = dirs[i].toUri().toURL();
        return new URLClassLoader(urls, null);
    }
}
