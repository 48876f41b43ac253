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

/**
 * The waits of {@code delayMs} faults, held without a request thread: each is a timer on one small scheduler, and
 * the request is answered asynchronously when it fires. Clearing the fault rules (or stopping the server) ends every
 * wait at once; a connection Jetty sees fail (idle timeout, reset) ends its own. So 250 delayed requests cost 250
 * timers, not 250 threads, and {@code /_emulator/health} and {@code DELETE /_emulator/faults} stay answerable.
 * Limit: Jetty does not read a connection while its request waits, so a client that merely closes its socket is
 * noticed when the wait ends (at most {@code FaultRule.MAX_DELAY_MS}), not before; it holds a timer, no thread.
 */
final class DelayedRequests {
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcr-fault-delays");
        t.setDaemon(true);
        return t;
    });
    private final Set<CompletableFuture<Void>> waiting = ConcurrentHashMap.newKeySet();

    /** A future that completes after {@code ms}, or sooner when released or when the client is gone. */
    CompletableFuture<Void> after(long ms, Context ctx) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(done);
        ScheduledFuture<?> timer = timers.schedule(() -> done.complete(null), ms, TimeUnit.MILLISECONDS);
        done.whenComplete((v, e) -> {
            timer.cancel(false);
            waiting.remove(done);
        });
        onClientGone(ctx, done);
        return done;
    }

    /** Ends every wait now (the fault rules were cleared): the requests carry on at once. */
    void releaseAll() {
        for (CompletableFuture<Void> f : waiting) f.complete(null);
    }

    int waiting() {
        return waiting.size();
    }

    private static void onClientGone(Context ctx, CompletableFuture<Void> done) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (request != null) request.addFailureListener(failure -> done.complete(null));
        } catch (RuntimeException e) {
            // not a Jetty request (a test double): the timer alone ends the wait
        }
    }
}
