package io.mcremulator.server;

import io.mcremulator.client.CloseMatches;
import io.mcremulator.client.Setting;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone runner: {@code java -jar mcr-emulator-server-standalone.jar [--port N] [--host H] [--seed FILE] ...}.
 * The flags, their environment variables and defaults are the settings catalogue ({@link Setting}); a flag wins over
 * its environment variable ({@code --auth-mode} is {@code MCR_AUTH_MODE}). {@code healthcheck} as the first argument
 * checks a running emulator instead (used by the Docker image); {@code cds-training} runs the short workload the
 * Docker build records into a class-data archive.
 */
public final class Main {
    /** Default port and bind address of the standalone runner (the embedded server's are 0 and 127.0.0.1). */
    static final int DEFAULT_PORT = 8080;

    static final String DEFAULT_HOST = "127.0.0.1"; // loopback unless told otherwise; the image sets 0.0.0.0

    /** The command line: flag values by flag name (without dashes), and whether help was asked for. */
    record Args(Map<String, String> flags, boolean help) {}

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("healthcheck")) {
            System.exit(healthcheck(args));
        }
        if (args.length > 0 && args[0].equals("cds-training")) {
            CdsTraining.run();
            System.exit(0);
        }
        McrEmulatorServer server;
        try {
            Args parsed = parse(args);
            if (parsed.help()) {
                usage(System.out);
                return;
            }
            server = fromOptions(parsed.flags(), System.getenv()).build();
            server.start();
        } catch (IllegalArgumentException e) {
            System.err.println("mcr-emulator: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            System.out.println("mcr-emulator stopped");
                            System.out.flush();
                            stopped.countDown();
                            // A drained stop is a success: exit 0, not the JVM's 143 for "killed by SIGTERM", so
                            // supervisors (docker stop, systemd, CI) see a clean exit. Only a signal gets here: main
                            // waits forever, and the exits with a code of their own happen before this hook exists.
                            Runtime.getRuntime().halt(0);
                        },
                        "mcr-emulator-shutdown"));
        System.out.println("mcr-emulator ready on " + server.baseUrl() + " (Go SDK base URL: "
                + server.regionUrl(Region.BR_SE1) + ", registry host: " + server.registryHost() + ", web console: "
                + server.consoleUrl() + ")" + startedIn());
        stopped.await();
    }

    /**
     * {@code " in N ms (CPU M ms)"}: wall time since the process started (as the OS saw it, so JVM start-up counts)
     * and the CPU time spent so far, which does not grow when other processes compete for the cores.
     */
    static String startedIn() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        long sinceStart = ProcessClock.sinceProcessStartMillis();
        String wall = sinceStart >= 0
                ? " in " + sinceStart + " ms"
                : info.startInstant()
                        .map(t -> " in "
                                + Duration.between(t, java.time.Instant.now()).toMillis() + " ms")
                        .orElse("");
        String cpu = info.totalCpuDuration()
                .map(d -> " (CPU " + d.toMillis() + " ms)")
                .orElse("");
        return wall + cpu;
    }

    /**
     * Parses {@code --name value} and {@code --name=value}. An unknown flag is an error that names it (and the close
     * matches), a known flag without a value one that says so; {@code --help} / {@code -h} asks for the usage.
     */
    static Args parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) return new Args(out, true);
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (Setting.byFlag(name).isEmpty()) {
                throw new IllegalArgumentException("unknown flag --" + name
                        + CloseMatches.hint(
                                name,
                                Setting.all(Setting.Where.CLI).stream()
                                        .map(s -> "--" + s.flag())
                                        .toList())
                        + "; see --help");
            }
            if (value == null) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("flag --" + name + " needs a value");
                value = args[++i];
            }
            // --proxy-upstream is repeatable: the mappings add up (comma-separated, as in MCR_PROXY_UPSTREAM)
            if (name.equals(Setting.PROXY_UPSTREAM.flag()) && out.containsKey(name))
                value = out.get(name) + "," + value;
            out.put(name, value);
        }
        return new Args(out, false);
    }

    /** Builds the server from flags, falling back to environment variables, then to defaults. */
    static McrEmulatorServer.Builder fromOptions(Map<String, String> flags, Map<String, String> env) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (Setting s : Setting.all(Setting.Where.CLI)) {
            String v = flags.containsKey(s.flag()) ? flags.get(s.flag()) : env.get(s.env());
            if (v != null && !v.isBlank()) values.put(s, v.trim());
        }
        McrEmulatorServer.Builder b =
                McrEmulatorServer.builder().host(DEFAULT_HOST).port(DEFAULT_PORT);
        EmulatorConfig.Builder engine = EmulatorConfig.builder();
        SettingsApplier.apply(values, b, engine, s -> "--" + s.flag() + " (" + s.env() + ")");
        return b.engine(engine.build());
    }

    /** {@code healthcheck [--port N]}: exit 0 when GET /_emulator/health answers 200 on localhost. */
    static int healthcheck(String[] args) {
        String port = System.getenv().getOrDefault("MCR_PORT", "8080");
        for (int i = 1; i + 1 < args.length; i++) if (args[i].equals("--port")) port = args[i + 1];
        try {
            HttpResponse<Void> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_emulator/health"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? 0 : 1;
        } catch (Exception e) {
            System.err.println("mcr-emulator healthcheck failed: " + e);
            return 1;
        }
    }

    /** The usage text: one entry per setting of the catalogue, with its variable, default and meaning. */
    static void usage(PrintStream out) {
        out.println("Usage: java -jar mcr-emulator-server-standalone.jar [--flag value | --flag=value]...");
        out.println("       java -jar mcr-emulator-server-standalone.jar healthcheck [--port N]");
        out.println("Flags (each also read from the environment variable shown; the flag wins):");
        for (Setting s : Setting.all(Setting.Where.CLI)) {
            String dflt =
                    s.defaultValue().equals(Setting.NO_DEFAULT) ? "" : " (default: " + plain(s.defaultValue()) + ")";
            out.printf("  --%-28s %s%n      %s%s%n", s.flag(), s.env(), plain(s.description()), dflt);
        }
    }

    /** Markdown to plain text: {@code `x`} to x, {@code [text](link)} to text. */
    static String plain(String markdown) {
        return markdown.replace("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    }
}
