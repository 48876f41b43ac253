package io.mcremulator.junit.compat.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Start-up benchmark of the JUnit extension beside WireMock's (docs/benchmarks.md). Not a test: run it with
 * {@code junit-extension-compat-tests/bench.sh}. For each of {@code rounds} rounds and each tool, a fresh JVM runs
 * the tool's fixture class (200 repeated tests) through the JUnit launcher and reports:
 * <ul>
 *   <li>cold: from JUnit starting the class (the extension's beforeAll) to the first successful request;</li>
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
        List<String> tools = List.of("mcr-emulator", "wiremock");
        System.out.printf(
                "calibration: a trivial JVM (java -version) takes %.0f ms wall here; ~50-100 ms on an idle machine%n",
                trivialJvmMillis());
        System.out.printf(
                "%-13s %5s %10s %12s %14s %16s %16s%n",
                "tool", "round", "cold ms", "cold cpu ms", "per-test ready", "per-test request", "per-test cleanup");
        for (int round = 1; round <= rounds; round++) {
            for (String tool : tools) {
                String line = runChild(tool);
                System.out.printf("%-13s %5d %s%n", tool, round, line);
            }
        }
    }

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
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            System.exit(1);
        }
        double cold = (Marks.firstSuccess - Marks.classStart) / 1e6;
        List<long[]> warm = Marks.perTest.subList(Marks.perTest.size() / 2, Marks.perTest.size());
        double coldCpu = (Marks.firstSuccessCpu - Marks.classStartCpu) / 1e6;
        System.out.printf(
                "RESULT %10.1f %12.1f %11.3f ms %13.3f ms %13.3f ms%n",
                cold, coldCpu, median(warm, 0), median(warm, 1), median(warm, 2));
    }

    private static double median(List<long[]> samples, int index) {
        long[] v = samples.stream().mapToLong(s -> s[index]).toArray();
        Arrays.sort(v);
        return v[v.length / 2] / 1e6;
    }
}
