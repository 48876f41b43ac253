package io.mcremulator.junit.compat.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Start-up benchmark of the JUnit extension beside WireMock's (docs/benchmarks.md). Not a test: run it with
 * {@code junit-extension-compat-tests/bench.sh}. For each of {@code rounds} rounds and each tool, a fresh JVM runs
 * the tool's fixture class (200 repeated tests) through the JUnit launcher and reports:
 * <ul>
 *   <li>cold: from JUnit starting the class (the extension's beforeAll) to the first successful request;</li>
 *   <li>from JVM: from the process start (as the OS saw it) to the first successful request, and the process CPU
 *       time until then: what the first test class of a run really costs, discovery and the engine's start
 *       included. The launcher runs in a session, as surefire 3, Gradle and IDEs open one, so the server the
 *       extension starts when the session opens overlaps discovery; {@code mcr-emulator, at test plan only} runs
 *       without a session (a session per request, which starts nothing: only the test plan start works), and
 *       {@code mcr-emulator, no early start} with {@code -Dmcr.emulator.earlyStart=false} (so does WireMock's
 *       JVM, which must not start ours);</li>
 *   <li>per test: from the test's start (beforeEach) to the handle being ready (tenant and token made), and to
 *       the test's request having succeeded; medians over tests 101-200 (warm).</li>
 * </ul>
 */
public final class StartupBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> tools = List.of("mcr-emulator", PLAN_START_ONLY, NO_EARLY_START, "wiremock");
        System.out.printf(
                "calibration: a trivial JVM (java -version) takes %.0f ms wall here; ~50-100 ms on an idle machine%n",
                trivialJvmMillis());
        System.out.printf(
                "%-32s %5s %10s %12s %10s %12s %14s %16s %16s%n",
                "tool",
                "round",
                "cold ms",
                "cold cpu ms",
                "JVM→1st ms",
                "JVM→1st cpu",
                "per-test ready",
                "per-test request",
                "per-test cleanup");
        for (int round = 1; round <= rounds; round++) {
            for (String tool : tools) {
                String line = runChild(tool);
                System.out.printf("%-32s %5d %s%n", tool, round, line);
            }
        }
    }

    static final String NO_EARLY_START = "mcr-emulator, no early start";
    static final String PLAN_START_ONLY = "mcr-emulator, at test plan only";

    /** Wall time of {@code java -version}: shows how busy the machine is while the figures are taken. */
    private static double trivialJvmMillis() throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.waitFor();
        return (System.nanoTime() - t) / 1e6;
    }

    private static String runChild(String tool) throws Exception {
        Path errors = java.nio.file.Files.createTempFile("mcr-bench-", ".log");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        javaBin.toString(),
                        // WireMock's JVM must not start ours: its class path holds McrFixture too
                        "-Dmcr.emulator.earlyStart="
                                + (tool.startsWith("mcr-emulator") && !tool.equals(NO_EARLY_START)),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartupBenchmark.class.getName(),
                        "child",
                        tool)
                .redirectError(errors.toFile())
                .start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String l; (l = r.readLine()) != null; ) if (l.startsWith("RESULT ")) result = l.substring(7);
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(tool + " run failed (exit " + p.exitValue() + "), its output: " + errors);
        }
        java.nio.file.Files.delete(errors);
        return result;
    }

    private static void child(String tool) {
        Class<?> fixture = tool.equals("wiremock") ? WireMockFixture.class : McrFixture.class;
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        if (tool.equals(PLAN_START_ONLY)) {
            LauncherFactory.create().execute(request, summary); // a session per request: those start nothing
        } else {
            try (LauncherSession session = LauncherFactory.openSession()) {
                session.getLauncher().execute(request, summary);
            }
        }
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            System.exit(1);
        }
        double cold = (Marks.firstSuccess - Marks.classStart) / 1e6;
        List<long[]> warm = Marks.perTest.subList(Marks.perTest.size() / 2, Marks.perTest.size());
        double coldCpu = (Marks.firstSuccessCpu - Marks.classStartCpu) / 1e6;
        long fromJvm = Marks.firstSuccessSinceProcessStartMs;
        System.out.printf(
                "RESULT %10.1f %12.1f %10d %12.0f %11.3f ms %13.3f ms %13.3f ms%n",
                cold, coldCpu, fromJvm, Marks.firstSuccessCpu / 1e6, median(warm, 0), median(warm, 1), median(warm, 2));
    }

    private static double median(List<long[]> samples, int index) {
        long[] v = samples.stream().mapToLong(s -> s[index]).toArray();
        Arrays.sort(v);
        return v[v.length / 2] / 1e6;
    }
}
