package io.mcremulator.bench;

import io.mcremulator.server.McrEmulatorServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * In-process start: time from {@code McrEmulatorServer.builder().build().start()} to the first answered
 * management request, in a fresh JVM (what a JUnit extension pays once per test class). Prints one JSON object.
 */
public final class StartupBench {
    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        String token = args[0];
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        McrEmulatorServer server = McrEmulatorServer.builder().build().start();
        long started = System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v0/registries"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long firstResponse = System.nanoTime();
        if (r.statusCode() != 200)
            throw new IllegalStateException("first request answered " + r.statusCode() + ": " + r.body());
        long sinceJvm = System.currentTimeMillis() - jvmStart;
        long cpuMs = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
        server.stop();
        System.out.println(String.format(
                Locale.ROOT,
                "{\"start_ms\":%.1f,\"first_request_ms\":%.1f,\"jvm_to_first_response_ms\":%d,\"process_cpu_ms\":%d}",
                (started - t0) / 1e6,
                (firstResponse - t0) / 1e6,
                sinceJvm,
                cpuMs));
    }
}
