package io.mcremulator.bench;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.ProcessClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * In-process start: from {@code McrEmulatorServer.builder().build().start()} to the first answered management
 * request, in a fresh JVM (what a JUnit run pays once); with {@code wiremock} as second argument, the same for
 * WireMock's embedded server (first answer: {@code /__admin/health}). Prints one JSON object with the phases (JVM start to
 * {@code main}, build, start, first answer), the CPU time of the process and of the main thread, and, when the JVM
 * runs with {@code -Xlog:class+load:file=F -Dbench.classLog=F}, the number of classes loaded before the first answer
 * (and how many of them came from a CDS archive): counts that do not depend on how busy the machine is.
 *
 * <p>Nothing before the first answer touches JMX ({@code ManagementFactory} alone loads hundreds of classes): times
 * come from {@link System#nanoTime()}, {@link ProcessHandle} and {@code /proc}.
 */
public final class StartupBench {
    private StartupBench() {}

    /** Loaded right after the first answer: its line in the class-load log marks where the count stops. */
    static final class FirstAnswerMarker {
        static void touch() {}
    }

    /** Loaded right after {@code start()} returned: the classes before it are the server's, not the bench client's. */
    static final class StartedMarker {
        static void touch() {}
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.nanoTime();
        long jvmToMain = ProcessClock.sinceProcessStartMillis(); // before anything of the server loads
        String token = args[0];
        String target = args.length > 1 ? args[1] : "ours";
        boolean wiremock = target.equals("wiremock");
        boolean floor = target.equals("floor");
        Object built = wiremock
                ? WireMock.build()
                : floor ? null : McrEmulatorServer.builder().build();
        long builtAt = System.nanoTime();
        String url = wiremock
                ? WireMock.start(built) + "/__admin/health"
                : floor ? Floor.start() : ((McrEmulatorServer) built).start().baseUrl() + "/v0/registries";
        long started = System.nanoTime();
        StartedMarker.touch();
        Answer r = get(url, token);
        long firstResponse = System.nanoTime();
        long mainThreadCpuMs = ticksMs("/proc/thread-self/stat");
        long processCpuMs = ticksMs("/proc/self/stat");
        FirstAnswerMarker.touch();
        if (r.status() != 200)
            throw new IllegalStateException("first request answered " + r.status() + ": " + r.body());
        if (wiremock) WireMock.stop(built);
        else if (floor) Floor.stop();
        else ((McrEmulatorServer) built).stop();
        long[] classes = classesBeforeMarker(System.getProperty("bench.classLog"), FirstAnswerMarker.class);
        long[] serverClasses = classesBeforeMarker(System.getProperty("bench.classLog"), StartedMarker.class);
        System.out.println(String.format(
                Locale.ROOT,
                "{\"target\":\"%s\",\"jvm_to_main_ms\":%d,\"build_ms\":%.1f,\"start_ms\":%.1f,\"first_request_ms\":%.1f,"
                        + "\"main_to_first_response_ms\":%.1f,\"jvm_to_first_response_ms\":%d,"
                        + "\"process_cpu_ms\":%d,\"main_thread_cpu_ms\":%d,\"classes_loaded\":%d,\"classes_from_cds\":%d,"
                        + "\"classes_loaded_by_start\":%d}",
                target,
                jvmToMain,
                (builtAt - mainEntered) / 1e6,
                (started - builtAt) / 1e6,
                (firstResponse - started) / 1e6,
                (firstResponse - mainEntered) / 1e6,
                jvmToMain < 0 ? -1 : jvmToMain + (firstResponse - mainEntered) / 1_000_000,
                processCpuMs,
                mainThreadCpuMs,
                classes[0],
                classes[1],
                serverClasses[0]));
    }

    /**
     * WireMock's embedded server, the peer a JUnit user would otherwise start in-process, through reflection (its
     * standalone jar is on the class path only for this run): {@code new WireMockServer(options().dynamicPort())}.
     */
    private static final class WireMock {
        static Object build() throws ReflectiveOperationException {
            Class<?> config = Class.forName("com.github.tomakehurst.wiremock.core.WireMockConfiguration");
            Object options = config.getMethod("options").invoke(null);
            options = config.getMethod("dynamicPort").invoke(options);
            options = config.getMethod("bindAddress", String.class).invoke(options, "127.0.0.1");
            return Class.forName("com.github.tomakehurst.wiremock.WireMockServer")
                    .getConstructor(Class.forName("com.github.tomakehurst.wiremock.core.Options"))
                    .newInstance(options);
        }

        static String start(Object server) throws ReflectiveOperationException {
            server.getClass().getMethod("start").invoke(server);
            return "http://127.0.0.1:" + server.getClass().getMethod("port").invoke(server);
        }

        static void stop(Object server) throws ReflectiveOperationException {
            server.getClass().getMethod("stop").invoke(server);
        }
    }

    private record Answer(int status, String body) {}

    /**
     * One HTTP/1.1 GET over a plain socket. Not the JDK HttpClient: building one loads its TLS stack (~700 classes,
     * ~0.1 s of the main thread) even for http URLs, which is the client's start-up, not the server's, and would be
     * counted for every target alike. Any test client pays its own start once, whatever server it talks to.
     */
    private static Answer get(String url, String token) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
        }
    }

    /**
     * The floor of our stack ({@code floor} target): Javalin 7 with its defaults but the banner, one GET route
     * answering a small JSON object written by a plain Jackson {@code ObjectMapper}; no emulator (only the Jetty
     * property ours sets, so Jetty skips JMX alike). What any server built on Javalin, Jetty and Jackson pays to its
     * first answer on this JVM.
     */
    private static final class Floor {
        private static io.javalin.Javalin app;

        static String start() {
            io.mcremulator.server.http.JettyStartup.applyDefaults(); // as ours: no JMX for Jetty's MemoryUtils
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            app = io.javalin.Javalin.create(c -> {
                        c.startup.showJavalinBanner = false;
                        c.routes.get(
                                "/v0/registries",
                                ctx -> ctx.contentType("application/json")
                                        .result(json.writeValueAsBytes(
                                                java.util.Map.of("results", java.util.List.of()))));
                    })
                    .start("127.0.0.1", 0);
            return "http://127.0.0.1:" + app.port() + "/v0/registries";
        }

        static void stop() {
            app.stop();
        }
    }

    /** user + system CPU time from a /proc stat file, in ms (clock-tick resolution); -1 off Linux. */
    private static long ticksMs(String statFile) {
        try {
            String stat = Files.readString(Path.of(statFile));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 (utime, stime) are at 11 and 12 after the command name; USER_HZ is 100 on Linux
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {classes logged before the marker, of them from a CDS archive}; {-1, -1} without a log. */
    private static long[] classesBeforeMarker(String log, Class<?> marker) throws IOException {
        if (log == null) return new long[] {-1, -1};
        long all = 0;
        long shared = 0;
        List<String> lines = Files.readAllLines(Path.of(log));
        for (String line : lines) {
            if (!line.contains("[class,load]")) continue;
            if (line.contains(marker.getName() + " ")) return new long[] {all, shared};
            all++;
            if (line.contains("shared objects file")) shared++;
        }
        return new long[] {-1, -1}; // the marker never loaded: the count would be wrong
    }
}
