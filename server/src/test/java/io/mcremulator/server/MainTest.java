package io.mcremulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.client.Setting;
import io.mcremulator.server.auth.AuthMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone runner: flags, env vars, errors, and a real process that prints its ready line and stops on SIGTERM. */
class MainTest {
    private static final Pattern READY = Pattern.compile("mcr-emulator ready on (http://[^ ]+)");

    // ------------------------------------------------------------------ parsing, in-process

    @Test
    void flagsTakeSpaceOrEqualsForm() {
        assertThat(Main.parse(new String[] {"--port", "0", "--host=127.0.0.1", "--auth-mode", "decode"})
                        .flags())
                .containsEntry("port", "0")
                .containsEntry("host", "127.0.0.1")
                .containsEntry("auth-mode", "decode");
    }

    @Test
    void unknownFlagsAndMissingValuesAreErrorsThatNameThem() {
        assertThatThrownBy(() -> Main.parse(new String[] {"--prot", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--prot");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown flag --bogus")
                .hasMessageNotContaining("needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--registry-name-max-lenght=4"}))
                .hasMessageContaining("did you mean --registry-name-max-length");
        assertThatThrownBy(() -> Main.parse(new String[] {"8080"})).hasMessageContaining("8080");
    }

    @Test
    void helpIsAskedForNotExitedAndListsEveryFlagOfTheCatalogue() {
        assertThat(Main.parse(new String[] {"--port", "1", "--help"}).help()).isTrue();
        assertThat(Main.parse(new String[] {"--port", "1"}).help()).isFalse();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Main.usage(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
        String help = bytes.toString(StandardCharsets.UTF_8);
        for (Setting s : Setting.all(Setting.Where.CLI)) {
            assertThat(help).contains("--" + s.flag()).contains(s.env()).contains(Main.plain(s.description()));
        }
        assertThat(help).contains("seed document loaded at start (docs/seed-format.md)");
    }

    @Test
    void envVarsApplyAndFlagsWin() {
        ServerSettings fromEnv = Main.fromOptions(
                        Map.of(),
                        Map.of(
                                "MCR_PORT",
                                "0",
                                "MCR_HOST",
                                "127.0.0.2",
                                "MCR_REGISTRY_NAME_MAX_LENGTH",
                                "45",
                                "MCR_AUTH_MODE",
                                "anonymous"))
                .settings();
        assertThat(fromEnv.port()).isZero();
        assertThat(fromEnv.host()).isEqualTo("127.0.0.2");
        assertThat(fromEnv.engine().registryNameMaxLength()).isEqualTo(45);
        assertThat(fromEnv.auth().mode()).isEqualTo(AuthMode.ANONYMOUS);
        ServerSettings flagWins = Main.fromOptions(Map.of("port", "1234"), Map.of("MCR_PORT", "0"))
                .settings();
        assertThat(flagWins.port()).isEqualTo(1234);
        ServerSettings defaults = Main.fromOptions(Map.of(), Map.of()).settings();
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void badValuesAreErrorsThatNameTheFlag() {
        assertThatThrownBy(() -> Main.fromOptions(Map.of("port", "eighty"), Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() ->
                        Main.fromOptions(Map.of("port", "70000"), Map.of()).build())
                .hasMessageContaining("port");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("auth-mode", "strict"), Map.of()))
                .hasMessageContaining("strict");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("auth-mode", "verify"), Map.of()))
                .hasMessageContaining("verify");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("seed", "/no/such/seed.json"), Map.of()))
                .hasMessageContaining("/no/such/seed.json");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("never-pulled", "sometimes"), Map.of()))
                .hasMessageContaining("--never-pulled");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("proxy-cache-in-use-delete", "maybe"), Map.of()))
                .hasMessageContaining("--proxy-cache-in-use-delete");
        assertThatThrownBy(() -> Main.fromOptions(Map.of("registry-access", "everyone"), Map.of()))
                .hasMessageContaining("--registry-access")
                .hasMessageContaining("members");
    }

    @Test
    void existingUserCreateIsSameByDefaultAndConflictByFlag() {
        assertThat(Main.fromOptions(Map.of(), Map.of()).settings().engine().existingUserCreateConflict())
                .isFalse();
        assertThat(Main.fromOptions(Map.of("existing-user-create", "conflict"), Map.of())
                        .settings()
                        .engine()
                        .existingUserCreateConflict())
                .isTrue();
    }

    @Test
    void registryAccessIsTenantByDefaultAndMembersByFlagOrEnv() {
        assertThat(Main.fromOptions(Map.of(), Map.of()).settings().engine().registryAccess())
                .isEqualTo(io.mcremulator.core.EmulatorConfig.RegistryAccess.TENANT);
        assertThat(Main.fromOptions(Map.of("registry-access", "members"), Map.of())
                        .settings()
                        .engine()
                        .registryAccess())
                .isEqualTo(io.mcremulator.core.EmulatorConfig.RegistryAccess.MEMBERS);
        assertThat(Main.fromOptions(Map.of(), Map.of("MCR_REGISTRY_ACCESS", "members"))
                        .settings()
                        .engine()
                        .registryAccess())
                .isEqualTo(io.mcremulator.core.EmulatorConfig.RegistryAccess.MEMBERS);
    }

    // ------------------------------------------------------------------ a real process

    private static Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** Reads stdout until the ready line; returns the base URL it prints. */
    private static String awaitReady(Process p, BufferedReader out) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.find()) return m.group(1);
        }
        throw new AssertionError("process ended without a ready line, exit " + p.exitValue());
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void portZeroPicksAFreePortPrintsTheReadyLineAndSigtermStopsCleanly() throws Exception {
        Process p = start(Map.of(), "--port", "0", "--host", "127.0.0.1");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = awaitReady(p, out);
            assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
            assertThat(get(base + "/_emulator/health")).isEqualTo(200);
            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("a drained stop exits 0").isZero();
            List<String> rest = out.lines().toList();
            assertThat(rest).anyMatch(l -> l.contains("mcr-emulator stopped"));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void envVarsConfigureTheProcessIncludingTheSeedFile() throws Exception {
        String tenant = UUID.randomUUID().toString();
        Path seed = Files.createTempFile("seed", ".json");
        Files.writeString(seed, "{\"registries\":[{\"tenant\":\"" + tenant + "\",\"name\":\"from-env-seed\"}]}");
        Process p = start(Map.of(
                "MCR_PORT", "0", "MCR_HOST", "127.0.0.1", "MCR_SEED_FILE", seed.toString(), "MCR_AUTH_MODE", "decode"));
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = awaitReady(p, out);
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/v0/registries"))
                                    .header("X-API-Key", tenant)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("from-env-seed");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(seed);
        }
    }

    @Test
    void anUnknownFlagExitsWithStatus2() throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--no-such-flag",
                        "x")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("--no-such-flag");
    }
}
