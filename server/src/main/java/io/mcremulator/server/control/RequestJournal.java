package io.mcremulator.server.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The request journal: a ring buffer of the last {@code capacity} requests (never unbounded; the oldest entry goes
 * first). Control-API calls are not recorded. Thread-safe.
 * <p>
 * Every request of the server passes here, from up to the thread pool's size of threads at once: the limits are
 * read without the lock, and {@link #add} holds it only to number and append an entry whose parts were made
 * before (in the JFR lock profile of a list load, threads queued on this monitor for up to 120 ms when the entry
 * was built inside it; bench/notes.md, change 17).
 */
final class RequestJournal {
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private volatile int capacity;
    private volatile int maxBodyBytes;
    private volatile boolean recordUnmatched;
    private long nextSeq = 1;
    private long evicted;

    RequestJournal(ControlSettings settings) {
        apply(settings);
    }

    synchronized ControlSettings settings() {
        return new ControlSettings(capacity, maxBodyBytes, recordUnmatched);
    }

    /** Changes the limits at run time; a smaller capacity drops the oldest entries at once. */
    synchronized void apply(ControlSettings s) {
        capacity = s.journalCapacity();
        maxBodyBytes = s.journalMaxBodyBytes();
        recordUnmatched = s.recordUnmatched();
        trim();
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** False when the capacity is 0: nothing is recorded (read without the lock). */
    boolean enabled() {
        return capacity > 0;
    }

    boolean recordsUnmatched() {
        return recordUnmatched;
    }

    /**
     * Records the entry {@code make} builds from its sequence number (1, 2, ...: the order requests completed in).
     * {@code make} runs under the lock: it should only put together parts computed before.
     */
    synchronized JournalEntry add(boolean unmatched, java.util.function.LongFunction<JournalEntry> make) {
        if (unmatched && !recordUnmatched) return null;
        JournalEntry e = make.apply(nextSeq++);
        entries.addLast(e);
        trim();
        return e;
    }

    private void trim() {
        while (entries.size() > capacity) {
            entries.removeFirst();
            evicted++;
        }
    }

    /** Entries (oldest first) that satisfy {@code filter}, at most {@code limit}. */
    synchronized List<JournalEntry> find(Predicate<JournalEntry> filter, int limit) {
        if (limit <= 0) return List.of();
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (filter.test(e)) {
                out.add(e);
                if (out.size() >= limit) break;
            }
        }
        return out;
    }

    /** The last {@code n} entries, oldest first. */
    synchronized List<JournalEntry> last(int n) {
        List<JournalEntry> out = new ArrayList<>(Math.min(n, entries.size()));
        java.util.Iterator<JournalEntry> it = entries.descendingIterator();
        while (it.hasNext() && out.size() < n) out.add(it.next());
        java.util.Collections.reverse(out);
        return out;
    }

    synchronized int size() {
        return entries.size();
    }

    /** How many entries fell out of the ring since the last clear. */
    synchronized long evicted() {
        return evicted;
    }

    synchronized void clear() {
        entries.clear();
        evicted = 0;
    }
}
