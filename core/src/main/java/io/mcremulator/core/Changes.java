package io.mcremulator.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the engine's changes, for persistence ({@code --data-dir}): every write section of a region
 * ({@link RegionState#write}) and every change of the API-key directory is a change. When the outermost lock
 * section of a thread ends (read sections count too, so the thread then holds no region lock at all), the
 * {@link Listener} hears about the changes made inside it; a write-through listener may block there until they are
 * on disk, so that the request is answered only then. Thread-safe.
 */
public final class Changes {
    /** Hears each change once it is complete and the thread holds no region lock. */
    public interface Listener {
        /**
         * @param seq       the change's sequence number (increasing)
         * @param completed false when a write section ended with an exception (usually nothing changed)
         */
        void changed(long seq, boolean completed);
    }

    /** Per thread: lock sections entered and not left, whether one of them wrote, whether a write failed. */
    private static final class Nesting {
        int depth;
        boolean wrote;
        boolean failed;
    }

    private final AtomicLong seq = new AtomicLong();
    private final ThreadLocal<Nesting> nesting = ThreadLocal.withInitial(Nesting::new);
    private volatile Listener listener;

    /** Installs the one listener (persistence); null removes it. */
    public void listener(Listener l) {
        this.listener = l;
    }

    /** The number of the last change that has ended. */
    public long current() {
        return seq.get();
    }

    /** A lock section (read or write) begins. */
    void enter() {
        nesting.get().depth++;
    }

    /** A read section ends. */
    void exitRead() {
        Nesting n = nesting.get();
        if (--n.depth == 0 && n.wrote) fire(n);
    }

    /** A write section ends; at the outermost section, the change is counted and the listener told. */
    void exitWrite(boolean completed) {
        Nesting n = nesting.get();
        n.wrote = true;
        if (!completed) n.failed = true;
        if (--n.depth == 0) fire(n);
    }

    /** A change made outside the region locks (the API-key directory): counted now, or by the enclosing section. */
    void touch() {
        Nesting n = nesting.get();
        n.wrote = true;
        if (n.depth == 0) fire(n);
    }

    private void fire(Nesting n) {
        boolean completed = !n.failed;
        n.wrote = false;
        n.failed = false;
        long s = seq.incrementAndGet();
        Listener l = listener;
        if (l != null) l.changed(s, completed);
    }
}
