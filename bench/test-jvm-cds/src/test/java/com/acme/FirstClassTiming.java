package com.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Writes, at the end of the run, ms since the process started and process CPU ms at the first successful request. */
public class FirstClassTiming implements TestExecutionListener {
    static volatile String first;

    static void success() {
        if (first == null) first = sinceStartMs() + " " + cpuMs();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        try {
            Files.writeString(Path.of(System.getProperty("timing.out", "target/timing.txt")),
                    first + " " + cpuMs() + " " + sinceStartMs() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static String[] stat() throws Exception {
        String s = Files.readString(Path.of("/proc/self/stat"));
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    static long cpuMs() {
        try {
            String[] f = stat();
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return -1;
        }
    }

    static long sinceStartMs() {
        try {
            double up = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(up * 1000 - Long.parseLong(stat()[19]) * 10.0);
        } catch (Exception e) {
            return -1;
        }
    }
}
