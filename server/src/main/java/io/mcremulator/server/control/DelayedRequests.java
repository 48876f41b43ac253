package io.mcremulator.server.control;

import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;

/**
 * The waits of {@code delayMs} faults, held without a request thread: each is a timer on one small scheduler, and
 * the request is answered asynchronously when it fires. Clearing the fault rules (or stopping the server) ends every
 * wait at once. So 250 delayed requests cost 250 timers, not 250 threads, and {@code /_emulator/health} and
 * {@code DELETE /_emulator/faults} stay answerable.
 * <p>
 * A client that goes away while its request waits ends the wait at once: a {@link ClientCloseWatch} on the
 * connection notices the close (a request without a body, the usual case of a delayed GET, HEAD or DELETE), or Jetty
 * does (a reset or idle timeout it sees itself). Then the timer is cancelled, the connection closed, nothing is
 * answered and the route's handler does not run. A request whose body has not been read yet is not watched (reading
 * the socket would take its body): its client's close is noticed when the wait ends, as before.
 */
final class DelayedRequests {
    /** The outcome of a wait whose client went away: the request is not answered (its connection is closed). */
    static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("the client closed the connection while its request waited on a delay fault", null, false, false);
        }
    }

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcr-fault-delays");
        t.setDaemon(true);
        return t;
    });
    private final Set<Wait> waiting = ConcurrentHashMap.newKeySet();

    /** One request's wait. */
    final class Wait {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private ScheduledFuture<?> timer;
        private ClientCloseWatch watch;
        private EndPoint endPoint;
        private boolean over; // guarded by this

        private synchronized boolean over() {
            if (over) return false;
            over = true;
            return true;
        }

        /** The wait is over: the request carries on (runs its handler or its fault's error). */
        void end() {
            if (!over()) return;
            ClientCloseWatch w = watch;
            if (w != null) w.stop(); // before the answer: Jetty completes no request with a read pending
            finish();
            done.complete(null);
        }

        /** The client went away: nothing is answered, the connection is closed. */
        void clientGone() {
            if (!over()) return;
            ClientCloseWatch w = watch;
            if (w != null) w.stop();
            finish();
            if (endPoint != null) endPoint.close(new EofException("client closed the connection"));
            done.completeExceptionally(new ClientGone());
        }

        /** True when the answer must close the connection (see {@link ClientCloseWatch#mustCloseAfterAnswer()}). */
        boolean closeAfterAnswer() {
            ClientCloseWatch w = watch;
            return w != null && w.mustCloseAfterAnswer();
        }

        private void finish() {
            ScheduledFuture<?> t = timer;
            if (t != null) t.cancel(false);
            waiting.remove(this);
        }
    }

    /** A wait that ends after {@code ms}, or sooner when released, or (exceptionally) when the client is gone. */
    Wait after(long ms, Context ctx) {
        Wait w = new Wait();
        waiting.add(w);
        watchClient(ctx, w); // before the timer: a wait that ends must find its watch to stop it
        w.timer = timers.schedule(w::end, ms, TimeUnit.MILLISECONDS);
        if (w.done.isDone()) w.finish(); // ended while being set up (released, client gone): nothing stays behind
        return w;
    }

    /** Ends every wait now (the fault rules were cleared): the requests carry on at once. */
    void releaseAll() {
        for (Wait w : waiting) w.end();
    }

    int waiting() {
        return waiting.size();
    }

    private static void watchClient(Context ctx, Wait w) {
        ServletContextRequest request;
        try {
            request = ServletContextRequest.getServletContextRequest(ctx.req());
        } catch (RuntimeException e) {
            return; // not a Jetty request (a test double): the timer alone ends the wait
        }
        if (request == null) return;
        w.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        request.addFailureListener(failure -> w.clientGone()); // a failure Jetty sees itself (reset, idle timeout)
        if (hasBody(ctx)) return;
        synchronized (w) {
            if (!w.over) w.watch = ClientCloseWatch.start(w.endPoint, w::clientGone);
        }
    }

    /** A body that may still be arriving: the connection's bytes are its, so the watch must not read them. */
    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }
}
