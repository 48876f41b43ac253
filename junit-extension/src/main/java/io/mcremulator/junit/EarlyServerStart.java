package io.mcremulator.junit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the shared server of the first {@code @McrEmulatorTest} class in the background as soon as the test plan is
 * known, so its start overlaps the engine's own work and the tests that run before it; the extension then takes
 * that server instead of starting one (registered through {@code META-INF/services}, so it runs in every launcher).
 *
 * <p>Nothing starts unless the plan holds a class annotated {@code @McrEmulatorTest} with the default
 * {@link ServerScope#JVM JVM} scope; a server no test took (the class was filtered out at run time, or registers
 * {@link McrEmulatorExtension#builder()} instead) is stopped when the plan finishes. {@code mcr.emulator.earlyStart=false}
 * (a JUnit configuration parameter or a system property) turns it off.
 */
public final class EarlyServerStart implements TestExecutionListener {
    static final String ENABLED = "mcr.emulator.earlyStart";

    /** Servers started early and not yet taken, by the key the extension stores its shared server under. */
    private static final Map<String, CompletableFuture<RunningServer>> PENDING = new ConcurrentHashMap<>();

    /** The futures each running plan started (a test may run a nested launcher): each plan stops only its own. */
    private static final Map<TestPlan, Map<String, CompletableFuture<RunningServer>>> BY_PLAN =
            new ConcurrentHashMap<>();

    /** Keys a running plan's first class wants (so a session start that found no use for it starts anyway). */
    private static final java.util.Set<String> PLANNED = ConcurrentHashMap.newKeySet();

    /** Guards the decision between a session start that is not sure it is wanted and a plan that wants it. */
    private static final Object DECISIONS = new Object();

    /** The base URL of the last server started early under each key, for tests that check the first test gets it. */
    static final Map<String, String> STARTED = new ConcurrentHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!enabled(testPlan)) return;
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getChildren(root)) {
                Class<?> testClass = testClass(id);
                if (testClass == null) continue;
                Optional<McrEmulatorTest> annotation = McrEmulatorExtension.findAnnotation(testClass);
                if (annotation.isEmpty() || annotation.get().server() != ServerScope.JVM) continue;
                startEarly(testPlan, testClass, annotation.get());
                return; // one server: the first class's; others with other settings start as before
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        PLANNED.clear();
        Map<String, CompletableFuture<RunningServer>> started = BY_PLAN.remove(testPlan);
        if (started == null) return;
        started.forEach(EarlyServerStart::release); // never taken: nothing of it outlives the plan
    }

    /** The server started early under this key, waiting for its start to finish; empty if none or it failed. */
    static Optional<RunningServer> claim(String key) {
        CompletableFuture<RunningServer> f;
        synchronized (DECISIONS) {
            f = PENDING.remove(key);
            if (f == null) return Optional.empty();
            PLANNED.add(key); // a session start still deciding (its class path check found no user): a test wants it
        }
        try {
            return Optional.of(f.join());
        } catch (RuntimeException e) {
            return Optional.empty(); // the extension starts it again and reports the failure in the test's terms
        }
    }

    /** Whether a server started early under this key waits to be taken (for tests). */
    static boolean pending(String key) {
        return PENDING.containsKey(key);
    }

    private static void stop(CompletableFuture<RunningServer> f) {
        try {
            f.join().close();
        } catch (RuntimeException e) {
            // it never started: nothing to stop
        }
    }

    private static void startEarly(TestPlan testPlan, Class<?> testClass, McrEmulatorTest annotation) {
        Settings settings;
        try {
            settings = McrEmulatorExtension.annotationSettings(testClass, annotation);
        } catch (RuntimeException e) {
            return; // a misconfigured class: the extension reports it when the class runs
        }
        String key = key(settings);
        synchronized (DECISIONS) {
            PLANNED.add(key); // a session start still deciding whether it is wanted: it is
            if (PENDING.containsKey(key)) return; // the launcher session or an enclosing run started it already
            CompletableFuture<RunningServer> f =
                    startInBackground(key, settings, testClass.getClassLoader(), () -> true);
            if (f != null)
                BY_PLAN.computeIfAbsent(testPlan, p -> new ConcurrentHashMap<>())
                        .put(key, f);
        }
    }

    /**
     * Starts a server with these settings on a daemon thread and offers it under {@code key} to the first test that
     * needs one; {@code wanted} runs first on that thread and, when it says no, nothing starts and nothing is
     * offered. Returns null when a server is offered under that key already. The caller stops it with
     * {@link #release} when its run or session ends.
     */
    static CompletableFuture<RunningServer> startInBackground(
            String key, Settings settings, ClassLoader loader, BooleanSupplier wanted) {
        CompletableFuture<RunningServer> f = new CompletableFuture<>();
        if (PENDING.putIfAbsent(key, f) != null) return null;
        Thread t = new Thread(
                () -> {
                    try {
                        if (!wanted.getAsBoolean()) {
                            synchronized (DECISIONS) {
                                if (!PLANNED.contains(key)) {
                                    PENDING.remove(key, f);
                                    f.completeExceptionally(new IllegalStateException("not wanted"));
                                    return;
                                }
                            }
                        }
                        RunningServer running = RunningServer.start(settings, loader);
                        STARTED.put(key, running.server.baseUrl());
                        f.complete(running);
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                },
                "mcr-emulator-early-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Stops the server started under this key unless a test took it (then its run's end stops it). */
    static void release(String key, CompletableFuture<RunningServer> f) {
        PLANNED.remove(key);
        if (PENDING.remove(key, f)) stop(f);
    }

    /** The key the extension keeps this setting's shared server under. */
    static String key(Settings settings) {
        return settings.serverKey() + "#" + settings.scope();
    }

    private static Class<?> testClass(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isEmpty() || !(source.get() instanceof ClassSource cs)) return null;
        try {
            return cs.getJavaClass();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean enabled(TestPlan testPlan) {
        String property = System.getProperty(ENABLED);
        if (property != null) return !property.trim().equalsIgnoreCase("false");
        try {
            return testPlan.getConfigurationParameters().getBoolean(ENABLED).orElse(true);
        } catch (NoSuchMethodError e) {
            return true; // JUnit Platform before 1.8: the system property alone
        }
    }
}
