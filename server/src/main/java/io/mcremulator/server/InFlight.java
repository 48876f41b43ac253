package io.mcremulator.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * Requests the server has started and not yet finished answering, for a stop that drains instead of cutting them
 * (SIGTERM, {@link McrEmulatorServer#stop()}): stop accepting, wait for this count to reach zero within the grace
 * period, then stop.
 */
final class InFlight {
    private final AtomicInteger count = new AtomicInteger();

    /** Counts a request until Jetty has completed its answer (or given up on the connection). */
    void started(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) return;
        count.incrementAndGet();
        Request.addCompletionListener(request, failure -> count.decrementAndGet());
    }

    int count() {
        return count.get();
    }

    /** Stops accepting connections, then waits up to {@code grace} for the requests in flight to finish. */
    static void drain(Server server, InFlight inFlight, Duration grace) {
        for (Connector c : server.getConnectors()) {
            c.shutdown(); // closes the listening socket: new connections are refused
        }
        long end = System.nanoTime() + grace.toNanos();
        while (inFlight.count() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
