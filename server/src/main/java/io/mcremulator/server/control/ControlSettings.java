package io.mcremulator.server.control;

/**
 * Settings of the test-control plane.
 *
 * @param journalCapacity     how many requests the journal keeps (oldest dropped first); 10 000 by default
 * @param journalMaxBodyBytes how much of each request and response body the journal keeps; 4 KiB by default
 * @param recordUnmatched     record requests that match no route as "unmatched" ({@code GET /_emulator/requests/unmatched})
 * @param token               when set, every {@code /_emulator} call but the health check, the links page and the console's pages
 *                            needs {@code Authorization: Bearer <token>} or {@code X-MCR-Control-Token: <token>}
 * @param allowedHosts        host names (besides IP literals, {@code localhost} and the bound host) the control API
 *                            answers in the {@code Host} header; {@code *} allows any (see {@link ControlGuard})
 */
public record ControlSettings(
        int journalCapacity,
        int journalMaxBodyBytes,
        boolean recordUnmatched,
        String token,
        java.util.List<String> allowedHosts) {
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
        if (token != null && token.isBlank()) token = null;
        if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the control token must be printable ASCII without spaces");
        }
        allowedHosts = allowedHosts == null
                ? java.util.List.of()
                : allowedHosts.stream()
                        .map(String::trim)
                        .filter(h -> !h.isEmpty())
                        .map(h -> h.toLowerCase(java.util.Locale.ROOT))
                        .toList();
    }

    public ControlSettings(int journalCapacity, int journalMaxBodyBytes, boolean recordUnmatched) {
        this(journalCapacity, journalMaxBodyBytes, recordUnmatched, null, java.util.List.of());
    }

    /** The same settings with a control token (null: none) and extra allowed host names. */
    public ControlSettings withAccess(String token, java.util.List<String> allowedHosts) {
        return new ControlSettings(journalCapacity, journalMaxBodyBytes, recordUnmatched, token, allowedHosts);
    }

    public static ControlSettings defaults() {
        return new ControlSettings(DEFAULT_JOURNAL_CAPACITY, DEFAULT_JOURNAL_MAX_BODY_BYTES, true);
    }
}
