package io.mcremulator.server;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone runner: {@code java -jar mcr-emulator-server-standalone.jar [--port N] [--host H] [--seed FILE] ...}.
 * Every flag has an environment variable of the same meaning ({@code --auth-mode} is {@code MCR_AUTH_MODE}).
 * {@code healthcheck} as the first argument checks a running emulator instead (used by the Docker image);
 * {@code cds-training} runs the short workload the Docker build records into a class-data archive.
 */
public final class Main {
    /** Flag name to environment variable. */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("port", "MCR_PORT");
        OPTIONS.put("host", "MCR_HOST");
        OPTIONS.put("seed", "MCR_SEED_FILE");
        OPTIONS.put("auth-mode", "MCR_AUTH_MODE");
        OPTIONS.put("jwt-hs256-secret", "MCR_JWT_HS256_SECRET");
        OPTIONS.put("jwt-rs256-public-key", "MCR_JWT_RS256_PUBLIC_KEY_FILE");
        OPTIONS.put("jwt-jwks-url", "MCR_JWT_JWKS_URL");
        OPTIONS.put("jwt-require-exp", "MCR_JWT_REQUIRE_EXP");
        OPTIONS.put("registry-name-max-length", "MCR_REGISTRY_NAME_MAX_LENGTH");
        OPTIONS.put("non-empty-registry-delete", "MCR_NON_EMPTY_REGISTRY_DELETE");
        OPTIONS.put("proxy-cache-in-use-delete", "MCR_PROXY_CACHE_IN_USE_DELETE");
        OPTIONS.put("get-repository-status", "MCR_GET_REPOSITORY_STATUS");
        OPTIONS.put("default-page-limit", "MCR_DEFAULT_PAGE_LIMIT");
        OPTIONS.put("never-pulled", "MCR_NEVER_PULLED");
        OPTIONS.put("id-seed", "MCR_ID_SEED");
        OPTIONS.put("fixed-clock", "MCR_FIXED_CLOCK");
        OPTIONS.put("journal-capacity", "MCR_JOURNAL_CAPACITY");
        OPTIONS.put("journal-max-body-bytes", "MCR_JOURNAL_MAX_BODY_BYTES");
        OPTIONS.put("record-unmatched", "MCR_RECORD_UNMATCHED");
        OPTIONS.put("control-token", "MCR_CONTROL_TOKEN");
        OPTIONS.put("control-allowed-hosts", "MCR_CONTROL_ALLOWED_HOSTS");
        OPTIONS.put("shutdown-grace-seconds", "MCR_SHUTDOWN_GRACE_SECONDS");
        OPTIONS.putAll(io.mcremulator.server.oci.OciOptions.FLAGS);
    }

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
            server = fromOptions(parse(args), System.getenv()).build();
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
                            stopped.countDown();
                        },
                        "mcr-emulator-shutdown"));
        System.out.println("mcr-emulator ready on " + server.baseUrl() + " (Go SDK base URL: "
                + server.regionUrl(Region.BR_SE1) + ", registry host: " + server.registryHost() + ")" + startedIn());
        stopped.await();
    }

    /**
     * {@code " in N ms (CPU M ms)"}: wall time since the process started (as the OS saw it, so JVM start-up counts)
     * and the CPU time spent so far, which does not grow when other processes compete for the cores.
     */
    static String startedIn() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String wall = info.startInstant()
                .map(t -> " in " + Duration.between(t, java.time.Instant.now()).toMillis() + " ms")
                .orElse("");
        String cpu = info.totalCpuDuration()
                .map(d -> " (CPU " + d.toMillis() + " ms)")
                .orElse("");
        return wall + cpu;
    }

    /** Parses {@code --name value} and {@code --name=value}; unknown flags are an error that names them. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                usage(System.out);
                System.exit(0);
            }
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("flag --" + name + " needs a value");
                value = args[++i];
            }
            if (!OPTIONS.containsKey(name))
                throw new IllegalArgumentException("unknown flag --" + name + "; see --help");
            out.put(name, value);
        }
        return out;
    }

    /** Builds the server from flags, falling back to environment variables, then to defaults. */
    static McrEmulatorServer.Builder fromOptions(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> o = new LinkedHashMap<>();
        OPTIONS.forEach((flag, var) -> {
            String v = flags.containsKey(flag) ? flags.get(flag) : env.get(var);
            if (v != null && !v.isBlank()) o.put(flag, v.trim());
        });
        McrEmulatorServer.Builder b = McrEmulatorServer.builder()
                .host(o.getOrDefault("host", "127.0.0.1")) // loopback unless told otherwise (the image sets 0.0.0.0)
                .port(intOption(o, "port", 8080));
        EmulatorConfig.Builder engine = EmulatorConfig.builder();
        if (o.containsKey("registry-name-max-length"))
            engine.registryNameMaxLength(intOption(o, "registry-name-max-length", 63));
        if (o.containsKey("default-page-limit")) engine.defaultPageLimit(intOption(o, "default-page-limit", 20));
        if (o.containsKey("non-empty-registry-delete")) {
            engine.nonEmptyRegistryDelete(
                    enumOption(EmulatorConfig.NonEmptyRegistryDelete.class, o, "non-empty-registry-delete"));
        }
        if (o.containsKey("proxy-cache-in-use-delete")) {
            String v = o.get("proxy-cache-in-use-delete").toLowerCase(Locale.ROOT);
            if (!v.equals("conflict") && !v.equals("allow")) {
                throw new IllegalArgumentException(
                        "--proxy-cache-in-use-delete must be 'conflict' or 'allow', got '" + v + "'");
            }
            engine.proxyCacheInUseDeleteConflict(v.equals("conflict"));
        }
        if (o.containsKey("never-pulled"))
            engine.neverPulled(enumOption(EmulatorConfig.NeverPulled.class, o, "never-pulled"));
        if (o.containsKey("id-seed")) {
            try {
                engine.ids(io.mcremulator.core.time.IdSource.seeded(Long.parseLong(o.get("id-seed"))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--id-seed must be an integer, got '" + o.get("id-seed") + "'");
            }
        }
        if (o.containsKey("fixed-clock")) {
            try {
                engine.clock(io.mcremulator.core.time.ControllableClock.fixed(
                        java.time.OffsetDateTime.parse(o.get("fixed-clock")).toInstant()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--fixed-clock must be an RFC 3339 timestamp such as 2024-05-15T19:56:47Z, got '"
                                + o.get("fixed-clock") + "'");
            }
        }
        io.mcremulator.server.oci.OciOptions.applyEngine(o, engine);
        b.engine(engine.build());
        b.oci(io.mcremulator.server.oci.OciOptions.settings(o));
        String unmatched = o.getOrDefault("record-unmatched", "true").toLowerCase(Locale.ROOT);
        if (!unmatched.equals("true") && !unmatched.equals("false")) {
            throw new IllegalArgumentException("--record-unmatched must be true or false, got '" + unmatched + "'");
        }
        b.control(new io.mcremulator.server.control.ControlSettings(
                        intOption(
                                o,
                                "journal-capacity",
                                io.mcremulator.server.control.ControlSettings.DEFAULT_JOURNAL_CAPACITY),
                        intOption(
                                o,
                                "journal-max-body-bytes",
                                io.mcremulator.server.control.ControlSettings.DEFAULT_JOURNAL_MAX_BODY_BYTES),
                        unmatched.equals("true"))
                .withAccess(
                        o.get("control-token"),
                        java.util.Arrays.asList(
                                o.getOrDefault("control-allowed-hosts", "").split(","))));
        b.shutdownGrace(Duration.ofSeconds(
                intOption(o, "shutdown-grace-seconds", (int) ServerSettings.DEFAULT_SHUTDOWN_GRACE.toSeconds())));
        if (o.containsKey("get-repository-status")) b.getRepositoryStatus(intOption(o, "get-repository-status", 200));
        AuthMode mode = o.containsKey("auth-mode") ? AuthMode.parse(o.get("auth-mode")) : AuthMode.DECODE;
        String pem = null;
        if (o.containsKey("jwt-rs256-public-key")) {
            try {
                pem = Files.readString(Path.of(o.get("jwt-rs256-public-key")));
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "cannot read RS256 public key file '" + o.get("jwt-rs256-public-key") + "': " + e);
            }
        }
        b.auth(new AuthSettings(mode, o.get("jwt-hs256-secret"), pem, o.get("jwt-jwks-url"), Map.of(), null)
                .withRequireExp(booleanOption(o, "jwt-require-exp", true)));
        if (o.containsKey("seed")) {
            Path seed = Path.of(o.get("seed"));
            if (!Files.isRegularFile(seed))
                throw new IllegalArgumentException("seed file '" + seed + "' does not exist");
            b.seedFile(seed);
        }
        return b;
    }

    static boolean booleanOption(Map<String, String> o, String name, boolean dflt) {
        String v = o.get(name);
        if (v == null) return dflt;
        String s = v.toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, got '" + v + "'");
        }
        return s.equals("true");
    }

    private static int intOption(Map<String, String> o, String name, int dflt) {
        String v = o.get(name);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    private static <E extends Enum<E>> E enumOption(Class<E> type, Map<String, String> o, String name) {
        String v = o.get(name);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " has no value '" + v + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants())
                            .toLowerCase(Locale.ROOT)
                            .replace('_', '-'));
        }
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

    static void usage(PrintStream out) {
        out.println("Usage: java -jar mcr-emulator-server-standalone.jar [--flag value]...");
        out.println("       java -jar mcr-emulator-server-standalone.jar healthcheck [--port N]");
        out.println("Flags (each also read from the environment variable shown):");
        OPTIONS.forEach((flag, var) -> out.printf("  --%-28s %s%n", flag, var));
    }
}
