package io.mcremulator.testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when {@code GET /_emulator/health} answers 200. Unlike a plain HTTP wait it gives up at once when the
 * container exits (a configuration error makes the emulator exit with status 2 right after it starts), instead of
 * polling a dead port until the startup timeout.
 */
public class McrEmulatorWaitStrategy extends AbstractWaitStrategy {
    private static final Duration POLL = Duration.ofMillis(50);

    private final int port;

    public McrEmulatorWaitStrategy(int port) {
        this.port = port;
        withStartupTimeout(Duration.ofSeconds(60));
    }

    @Override
    protected void waitUntilReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://" + waitStrategyTarget.getHost() + ":" + waitStrategyTarget.getMappedPort(port)
                + "/_emulator/health");
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
                last = "status " + r.statusCode() + ": " + r.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for " + health, e);
            }
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("mcr-emulator container exited before " + health + " answered");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new ContainerLaunchException("mcr-emulator was not healthy within " + startupTimeout.toSeconds() + " s: "
                + health + " gave " + last);
    }
}
