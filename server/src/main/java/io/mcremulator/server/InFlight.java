package io.mcremulator.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;

/**
 * Requests the server has started and not yet finished answering, for a stop that drains instead of cutting them
 * (SIGTERM, {@link McrEmulatorServer#stop()}): stop accepting, wait for this count to reach zero within the grace
 * period, then stop.
 */
final class InFlight {
    /** How long a kept-alive connection without a request may stay idle once the drain began before it is closed. */
    private static final long IDLE_CLOSE_MS = 200;

    private final AtomicInteger count = new AtomicInteger();
    /** Requests started so far, to see whether any came in during the drain. */
    private final AtomicLong started = new AtomicLong();
    /** The connections with a request in flight, and how many (HTTP/1.1: one). */
    private final Map<EndPoint, Integer> busy = new ConcurrentHashMap<>();

    private volatile boolean draining;

    /** Counts a request until Jetty has completed its answer (or given up on the connection). */
    void started(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) return;
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        busy.merge(endPoint, 1, Integer::sum);
        count.incrementAndGet();
        started.incrementAndGet();
        // a request that starts on a connection the drain had marked idle gets the usual time for a slow body
        if (draining)
            endPoint.setIdleTimeout(
                    request.getConnectionMetaData().getConnector().getIdleTimeout());
        Request.addCompletionListener(request, failure -> {
            busy.computeIfPresent(endPoint, (e, n) -> n > 1 ? n - 1 : null);
            count.decrementAndGet();
        });
    }

    int count() {
        return count.get();
    }

    /**
     * Stops accepting connections, then waits up to {@code grace} for the requests in flight to finish and, when the
     * server was busy (a request in flight at the start or started during the drain), for the open connections to
     * close too. Answers during the drain say {@code Connection: close}, so their connections close after them; a
     * kept-alive connection without a request is closed {@link #IDLE_CLOSE_MS} after its last activity, while one with
     * a request in flight keeps the usual idle timeout (a slow upload is not cut). So under load a request that
     * arrives on a kept-alive connection after the count touched zero is still answered, not cut by the stop that
     * follows. A quiet server (the usual end of a test run, clients' pooled connections idle) stops at once: its idle
     * connections are closed by the stop, which is the HTTP/1.1 race every client retries.
     */
    static void drain(Server server, InFlight inFlight, Duration grace) {
        inFlight.draining = true;
        long idleMs = Math.min(IDLE_CLOSE_MS, Math.max(1, grace.toMillis()));
        for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractConnector a) a.setShutdownIdleTimeout(-1); // Jetty would shorten every one
            c.shutdown(); // closes the listening socket: new connections are refused
            inFlight.markIdle(c, idleMs);
        }
        long end = System.nanoTime() + grace.toNanos();
        long startedBefore = inFlight.started.get();
        boolean busy = inFlight.count() > 0;
        while (System.nanoTime() < end) {
            busy |= inFlight.started.get() != startedBefore;
            if (inFlight.count() == 0 && (!busy || openConnections(server) == 0)) return;
            for (Connector c : server.getConnectors()) inFlight.markIdle(c, idleMs); // requests ended meanwhile
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Gives the connections of {@code c} without a request in flight the short idle timeout. A request that starts
     * meanwhile wins: {@link #started} registers it, then restores the usual timeout, and this looks again after
     * shortening.
     */
    private void markIdle(Connector c, long idleMs) {
        for (EndPoint e : c.getConnectedEndPoints()) {
            if (busy.containsKey(e) || e.getIdleTimeout() == idleMs) continue;
            e.setIdleTimeout(idleMs);
            if (busy.containsKey(e)) e.setIdleTimeout(c.getIdleTimeout());
        }
    }

    private static int openConnections(Server server) {
        int open = 0;
        for (Connector c : server.getConnectors())
            open += c.getConnectedEndPoints().size();
        return open;
    }
}
