package io.mcremulator.junit.compat.bench;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Time marks of the benchmark: registered before the extension under test, it notes when JUnit starts the class
 * (the extension's start) and each test; the fixture notes when its first request succeeded.
 */
public final class Marks implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    static volatile long classStart;
    static volatile long testStart;
    static volatile long firstSuccess;
    static volatile long classStartCpu;
    static volatile long firstSuccessCpu;
    static volatile long firstSuccessSinceProcessStartMs;
    static final List<long[]> perTest =
            new ArrayList<>(); // {start -> handle ready, start -> request done, after-each cost}
    private static volatile long testBodyEnd;

    @Override
    public void beforeAll(ExtensionContext context) {
        classStartCpu = cpu();
        classStart = System.nanoTime();
        firstSuccess = 0;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testStart = System.nanoTime();
    }

    static void success() {
        if (firstSuccess == 0) {
            firstSuccess = System.nanoTime();
            firstSuccessSinceProcessStartMs = sinceProcessStartMs();
            firstSuccessCpu = cpu();
        }
    }

    /**
     * Milliseconds since the OS started this process, to 10 ms: /proc/uptime minus the process's start time in clock
     * ticks since boot (field 22 of /proc/self/stat, 100 per second). Not {@code ProcessHandle.Info.startInstant()}:
     * that adds the boot time, which Linux gives in whole seconds, so it is off by up to a second. -1 elsewhere.
     */
    static long sinceProcessStartMs() {
        try {
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"))
                    .split(" ")[0]);
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22 counted from 1, here from 3
            return Math.round(uptime * 1000 - startTicks * 10.0);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included): less sensitive to a busy machine. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static synchronized void test(long ready, long done) {
        perTest.add(new long[] {ready - testStart, done - testStart, 0});
        testBodyEnd = System.nanoTime();
    }

    /** Registered first, so it runs after the tool's own afterEach: the time between is the tool's clean-up. */
    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (!perTest.isEmpty()) perTest.get(perTest.size() - 1)[2] = System.nanoTime() - testBodyEnd;
    }
}
