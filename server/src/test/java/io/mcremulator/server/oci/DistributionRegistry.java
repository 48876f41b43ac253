package io.mcremulator.server.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
                        "  level: warn",
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
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        awaitReady();
    }

    /** Starts one under {@code dir}; skips (or fails in CI) when the binary is missing. */
    static DistributionRegistry start(Path dir) {
        External.require("docker-registry (Debian package docker-registry)", List.of(BINARY, "--version"));
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
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("docker-registry exited with " + process.exitValue());
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(50); // polling a start-up condition, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        stop();
        throw new IOException("docker-registry did not answer GET /v2/ within 30 s on " + url());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
