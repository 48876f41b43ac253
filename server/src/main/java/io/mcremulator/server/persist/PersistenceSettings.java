package io.mcremulator.server.persist;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether and how the state survives a restart ({@code --data-dir}, {@code --flush-interval}).
 *
 * @param dataDir       where state and blobs are kept; null keeps everything in memory (the default)
 * @param flushInterval how often changed state is saved: a crash ({@code kill -9}) loses at most the changes of the
 *                      last interval; {@link Duration#ZERO} is write-through: every change is on disk before its
 *                      request is answered, so nothing acknowledged is lost
 */
public record PersistenceSettings(Path dataDir, Duration flushInterval) {
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    public PersistenceSettings {
        if (flushInterval == null) flushInterval = DEFAULT_FLUSH_INTERVAL;
        if (flushInterval.isNegative())
            throw new IllegalArgumentException("flush interval must be >= 0, got " + flushInterval);
    }

    /** Nothing kept: the in-memory emulator. */
    public static PersistenceSettings none() {
        return new PersistenceSettings(null, DEFAULT_FLUSH_INTERVAL);
    }

    public boolean enabled() {
        return dataDir != null;
    }

    /** Every change is saved before its request is answered. */
    public boolean writeThrough() {
        return flushInterval.isZero();
    }

    /**
     * Reads a flush interval: {@code 0} (write-through), {@code 250ms}, {@code 1s}, {@code 2m}, or a plain number of
     * milliseconds.
     */
    public static Duration parseInterval(String v) {
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.endsWith("ms"))
                return Duration.ofMillis(
                        Long.parseLong(s.substring(0, s.length() - 2).trim()));
            if (s.endsWith("s"))
                return Duration.ofSeconds(
                        Long.parseLong(s.substring(0, s.length() - 1).trim()));
            if (s.endsWith("m"))
                return Duration.ofMinutes(
                        Long.parseLong(s.substring(0, s.length() - 1).trim()));
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--flush-interval must be 0 (write-through) or a duration such as 250ms, 1s or 2m, got '" + v
                            + "'");
        }
    }
}
