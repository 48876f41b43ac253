package io.mcremulator.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the engine's changes, for persistence ({@code --data-dir}): every write section of a region
 * ({@link RegionState#write}) and every change of the API-key directory is one change. When the outermost write
 * section of a thread ends (no region lock held any more), the {@link Listener} hears its sequence number; a
 * write-through listener may block there until the change is on disk, so that the request is answered only then.
 * Thread-safe.
 */
public final class Changes {
    /** Hears each change once it is complete and the thread holds no region lock. */
    public interface Listener {
        /**
         * @param seq       the change's sequence number (increasing)
         * @param completed false when the write section ended with an exception (usually nothing changed)
         */
        void changed(long seq, boolean completed);
    }

    private final AtomicLong seq = new AtomicLong();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile Listener listener;

    /** Installs the one listener (persistence); null removes it. */
    public void listener(Listener l) {
        this.listener = l;
    }

    /** The number of the last change that has ended. */
    public long current() {
        return seq.get();
    }

    void enter() {
        depth.get()[0]++;
    }

    /** Ends a write section; at the outermost one, counts the change and tells the listener. */
    void exit(boolean completed) {
        int[] d = depth.get();
        if (--d[0] > 0) return;
        long s = seq.incrementAndGet();
        Listener l = listener;
        if (l != null) l.changed(s, completed);
    }

    /** A change made outside any write section (the API-key directory): counted at once, or by the outer section. */
    void touch() {
        if (depth.get()[0] > 0) return;
        enter();
        exit(true);
    }
}
