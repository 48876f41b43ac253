package io.mcremulator.server.http;

import java.util.List;
import java.util.Map;

/**
 * Loads and initialises the JSON stack (Jackson and its serializers) on a background thread while Jetty starts,
 * so the first request does not pay for it on the caller's thread. On a multi-core machine this takes a large
 * part of the first-request cost off the path (docs/benchmarks.md).
 */
public final class Warmup {
    private Warmup() {}

    public static void startInBackground() {
        Thread t = new Thread(Warmup::run, "mcr-emulator-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Json.read(Json.write(
                    Map.of("errors", List.of(Map.of("code", "warm", "message", "up")), "meta", Map.of("n", 1))));
        } catch (Exception | LinkageError e) {
            // only a head start: whatever fails here fails again, visibly, on the request that needs it
        }
    }
}
