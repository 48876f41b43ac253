package io.mcremulator.server.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does start-up work the first answer needs on a background thread while the caller's thread builds the server and
 * Javalin's configuration: Jetty's {@code MimeTypes} class (its static initialiser asks the JDK for every available
 * locale, ~70 ms of CPU, and Jetty's {@code Server} constructor needs it), then the JSON stack (Jackson and its
 * serializers), so neither is paid on the caller's thread or on the first request's (bench/notes.md).
 */
public final class Warmup {
    /** {@code -Dmcr.emulator.warmup=false} does all of it on the threads that need it instead. */
    static final String PROPERTY = "mcr.emulator.warmup";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {}

    /** Once per JVM: later servers find the classes loaded. */
    public static void startInBackground() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) return;
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(Warmup::run, "mcr-emulator-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, Warmup.class.getClassLoader());
            Json.read(Json.write(
                    Map.of("errors", List.of(Map.of("code", "warm", "message", "up")), "meta", Map.of("n", 1))));
        } catch (Exception | LinkageError e) {
            // only a head start: whatever fails here fails again, visibly, on the request that needs it
        }
    }
}
