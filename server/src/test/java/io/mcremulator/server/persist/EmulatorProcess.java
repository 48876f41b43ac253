package io.mcremulator.server.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged standalone jar ({@code server/target/*-standalone.jar}, system property {@code mcr.standaloneJar})
 * run as a real process: {@code java -jar ... --port 0 --host 127.0.0.1 ARGS}, stdout and stderr in files, ready
 * once it prints its ready line. Stopped with SIGTERM ({@link #stop()}) or SIGKILL ({@link #kill()}).
 */
final class EmulatorProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("mcr-emulator ready on (http://[^ ]+)");

    private final Process process;
    private final Path out;
    private final Path err;
    final String base;

    private EmulatorProcess(Process process, Path out, Path err, String base) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.base = base;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("mcr.standaloneJar", ""));
        if (!Files.isRegularFile(jar))
            throw new AssertionError(
                    "standalone jar '" + jar + "' is missing: run through the reactor (./mvnw verify)");
        return jar;
    }

    static EmulatorProcess start(Path logs, String... args) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = Files.createTempFile(logs, "stdout", ".log");
        Path err = Files.createTempFile(logs, "stderr", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "--port",
                "0",
                "--host",
                "127.0.0.1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (m.find()) return new EmulatorProcess(p, out, err, m.group(1));
            if (p.waitFor(50, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the emulator exited with " + p.exitValue() + " before it was ready: "
                        + Files.readString(out) + Files.readString(err));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the emulator printed no ready line within 120 s: " + Files.readString(out));
    }

    /** SIGTERM, and waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("no exit within 60 s of SIGTERM");
        return process.exitValue();
    }

    /** SIGTERM, without waiting ({@link #waitForExit}). */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** The exit code, or null when the process is still running after {@code seconds}. */
    Integer waitForExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
