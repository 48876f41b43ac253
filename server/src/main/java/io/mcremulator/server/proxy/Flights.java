package io.mcremulator.server.proxy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/** Single flight: concurrent pulls of the same missing manifest or blob fetch it once; the others wait for it. */
final class Flights {
    private final ConcurrentHashMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code body} unless a call with the same key is running; then waits for that one and shares its outcome
     * (its exception too).
     *
     * @return true when this caller ran {@code body}
     */
    boolean once(String key, Runnable body) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> other = running.putIfAbsent(key, mine);
        if (other != null) {
            try {
                other.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a concurrent upstream fetch", e);
            }
            return false;
        }
        try {
            body.run();
            mine.complete(null);
            return true;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
