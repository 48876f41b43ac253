package io.mcremulator.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How long ago the OS started this process: the ready line's figure, and the start-up bench's. */
public final class ProcessClock {
    private ProcessClock() {}

    /**
     * Milliseconds since the OS started this process, to 10 ms, on Linux: /proc/uptime minus the start time in clock
     * ticks since boot (field 22 of /proc/self/stat, 100 a second). {@code ProcessHandle.Info.startInstant()} adds the
     * boot time, which Linux gives in whole seconds, so it is off by up to a second. -1 where /proc is not there.
     */
    public static long sinceProcessStartMillis() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22; fields[0] is field 3
            double uptimeSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.max(0, Math.round(uptimeSeconds * 1000 - startTicks * 10.0));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
