package io.mcremulator.server.oci;

import io.mcremulator.testsupport.External;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real upstream registry for proxy-cache tests: Debian's {@code docker-registry} (CNCF distribution 2.8), started
 * on a free loopback port with its own storage folder, plain HTTP, no auth. Missing binary: skipped, or failed in CI
 * ({@link External}).
 */
final class DistributionRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";

    private final Path storage;
    private final int port;
    private final Process process;

    private DistributionRegistry(Path dir) throws IOException {
        this.storage = Files.createDirectories(dir.resolve("storage"));
        this.port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "version: 0.1",
                        "log:",
                        "  level: info",
                        "storage:",
                        "  filesystem:",
                        "    rootdirectory: " + storage,
                        "  delete:",
                        "    enabled: true",
                        "http:",
                        "  addr: 127.0.0.1:" + port,
                        ""));
        this.process = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true)
                .start();
        awaitReady(dir.resolve("registry.log"));
    }

    /** Starts one under {@code dir}; skips (or fails in CI) when the binary is missing. */
    static DistributionRegistry start(Path dir) {
        External.requireCommand("docker-registry (Debian package docker-registry)", List.of(BINARY, "--version"));
        try {
            return new DistributionRegistry(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    String url() {
        return "http://" + host();
    }

    /** {@code 127.0.0.1:port} for image references. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** The folder distribution keeps its content in (blobs under docker/registry/v2/blobs). */
    Path storage() {
        return storage;
    }

    /** The file holding blob {@code digest}'s bytes. */
    Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Waits (bounded) for the registry's "listening on" log line; the rest of its output goes to registry.log. */
    private void awaitReady(Path log) throws IOException {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            Writer out = Files.newBufferedWriter(log)) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            out.write(line + "\n");
                            out.flush();
                            if (line.contains("listening on")) listening.complete(null);
                        }
                    } catch (IOException e) {
                        listening.completeExceptionally(e);
                    }
                    listening.completeExceptionally(new IOException("docker-registry exited before listening"));
                },
                "docker-registry-log");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IOException(
                    "docker-registry did not start on " + url() + " within 30 s (" + e + "); log: "
                            + Files.readString(log),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
