package io.mcremulator.server.control;

/**
 * Settings of the test-control plane.
 *
 * @param journalCapacity     how many requests the journal keeps (oldest dropped first); 10 000 by default
 * @param journalMaxBodyBytes how much of each request and response body the journal keeps; 4 KiB by default
 * @param recordUnmatched     record requests that match no route as "unmatched" ({@code GET /_emulator/requests/unmatched})
 */
public record ControlSettings(int journalCapacity, int journalMaxBodyBytes, boolean recordUnmatched) {
    public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;
    public static final int DEFAULT_JOURNAL_MAX_BODY_BYTES = 4096;
    /** Upper bound of the journal, whatever is asked: it must never grow without bound. */
    public static final int MAX_JOURNAL_CAPACITY = 1_000_000;

    public ControlSettings {
        if (journalCapacity < 0 || journalCapacity > MAX_JOURNAL_CAPACITY) {
            throw new IllegalArgumentException(
                    "journalCapacity must be 0.." + MAX_JOURNAL_CAPACITY + ", got " + journalCapacity);
        }
        if (journalMaxBodyBytes < 0 || journalMaxBodyBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("journalMaxBodyBytes must be 0..16777216, got " + journalMaxBodyBytes);
        }
    }

    public static ControlSettings defaults() {
        return new ControlSettings(DEFAULT_JOURNAL_CAPACITY, DEFAULT_JOURNAL_MAX_BODY_BYTES, true);
    }
}
