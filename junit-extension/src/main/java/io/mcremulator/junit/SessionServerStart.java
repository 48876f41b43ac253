package io.mcremulator.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the default server (the one a plain {@code @McrEmulatorTest} uses) in the background as soon as the JUnit
 * Platform opens its launcher session, before test discovery, so the start overlaps discovery and the engine's own
 * start; the first {@code @McrEmulatorTest} class then only waits for what is left of it. Registered through
 * {@code META-INF/services} (JUnit Platform 1.8+; surefire 3 and runners that call
 * {@code LauncherFactory.openSession()} open a session per run; older platforms never load it, and
 * {@link EarlyServerStart} still starts at the test plan).
 *
 * <p>When: {@code mcr.emulator.earlyStart} as a system property or in {@code junit-platform.properties} (the session
 * sees no other configuration parameters): {@code false} never, {@code true} always, unset or {@code auto} only when
 * a class file in a directory of the test class path (target/test-classes, build/classes/java/test, out/...) names
 * the extension; that check reads those files on the background thread, not on the runner's. A server no test
 * took (the classes use other settings, or were filtered out) is stopped when the session closes: nothing of it
 * outlives the session. Sessions a launcher opens per request (runners that call {@code LauncherFactory.create()}
 * and then discover and execute separately) are skipped: the test plan start covers them.
 */
public final class SessionServerStart implements LauncherSessionListener {
    /** The extension's own package in class files: a test class that uses it names one of these types. */
    private static final byte[] MARKER = "io/mcremulator/junit/McrEmulator".getBytes(StandardCharsets.US_ASCII);

    /** At most this many class files are read to decide; a bigger test class path starts the server anyway. */
    private static final int MAX_CLASS_FILES = 20_000;

    private final Supplier<Settings> settings;
    private final Map<LauncherSession, Started> started = new ConcurrentHashMap<>();

    private record Started(String key, CompletableFuture<RunningServer> server) {}

    public SessionServerStart() {
        this(() ->
                McrEmulatorExtension.builder().settings("@McrEmulatorTest (started when the launcher session opened)"));
    }

    SessionServerStart(Supplier<Settings> settings) {
        this.settings = settings;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) loader = SessionServerStart.class.getClassLoader();
        String mode = mode(loader);
        if (mode.equals("false") || openedPerRequest()) return;
        Settings s = settings.get();
        String key = EarlyServerStart.key(s);
        ClassLoader testLoader = loader;
        CompletableFuture<RunningServer> f = EarlyServerStart.startInBackground(
                key, s, testLoader, mode.equals("true") ? () -> true : () -> usesExtension(testLoader));
        if (f != null) started.put(session, new Started(key, f));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Started s = started.remove(session);
        if (s != null) EarlyServerStart.release(s.key(), s.server());
    }

    /** {@code true}, {@code false} or {@code auto}: the system property, else junit-platform.properties. */
    static String mode(ClassLoader loader) {
        String v = System.getProperty(EarlyServerStart.ENABLED);
        if (v == null) {
            try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty(EarlyServerStart.ENABLED);
                }
            } catch (IOException | IllegalArgumentException e) {
                v = null; // unreadable: JUnit itself reports it
            }
        }
        if (v == null) return "auto";
        v = v.trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("false") || v.equals("true") ? v : "auto";
    }

    /** Whether JUnit's per-request launcher opened this session (it opens one for discovery, one for execution). */
    private static boolean openedPerRequest() {
        return StackWalker.getInstance()
                .walk(frames -> frames.limit(32)
                        .anyMatch(f ->
                                f.getClassName().equals("org.junit.platform.launcher.core.SessionPerRequestLauncher")));
    }

    /**
     * Whether a class file in a directory of this class path names one of the extension's types, leaving out the
     * extension's own classes (a directory only when built in this project's reactor).
     */
    static boolean usesExtension(ClassLoader loader) {
        int[] budget = {MAX_CLASS_FILES};
        try {
            Enumeration<URL> roots = loader.getResources("");
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (!url.getProtocol().equals("file")) continue;
                Path root = Paths.get(URI.create(url.toString()));
                if (Files.exists(root.resolve("io/mcremulator/junit/McrEmulatorExtension.class"))) continue;
                if (mentions(root, budget)) return true;
                if (budget[0] <= 0) return true; // too many to read: assume it is used (stopped if not)
            }
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: start it, the session's end stops it if no test took it
        }
        return false;
    }

    private static boolean mentions(Path root, int[] budget) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            Iterator<Path> it =
                    files.filter(p -> p.toString().endsWith(".class")).iterator();
            while (it.hasNext()) {
                if (--budget[0] < 0) return false;
                if (contains(Files.readAllBytes(it.next()), MARKER)) return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0, end = data.length - pattern.length; i <= end; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return true;
        }
        return false;
    }
}
