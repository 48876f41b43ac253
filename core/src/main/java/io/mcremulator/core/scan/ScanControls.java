package io.mcremulator.core.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * How scans progress, as tests control it: how long a scan stays pending and then running, whether scans are held
 * in one of those states, how many of the next scans fail, and whether images without findings get synthetic ones.
 * Shared by every region. Thread-safe; change it through {@code Emulator.scanSettings} so scans already due are
 * brought up to date first.
 */
public final class ScanControls {
    /** Where scans wait: nowhere, pending (scans do not start), or running (scans start but do not finish). */
    public enum Hold {
        NONE,
        PENDING,
        RUNNING
    }

    /** A consistent copy of the controls. */
    public record Settings(
            Duration pendingDuration, Duration runningDuration, Hold hold, int failNext, boolean syntheticFindings) {
        public Settings {
            Objects.requireNonNull(pendingDuration);
            Objects.requireNonNull(runningDuration);
            Objects.requireNonNull(hold);
            if (pendingDuration.isNegative() || runningDuration.isNegative())
                throw new IllegalArgumentException("scan durations must not be negative");
            if (failNext < 0) throw new IllegalArgumentException("failNext must not be negative");
        }

        public Settings withHold(Hold h) {
            return new Settings(pendingDuration, runningDuration, h, failNext, syntheticFindings);
        }

        public Settings withFailNext(int n) {
            return new Settings(pendingDuration, runningDuration, hold, n, syntheticFindings);
        }
    }

    private final Settings initial;
    private Settings current;

    public ScanControls(Settings initial) {
        this.initial = initial;
        this.current = initial;
    }

    public synchronized Settings settings() {
        return current;
    }

    public synchronized void set(Settings s) {
        current = Objects.requireNonNull(s);
    }

    /** Back to the configured settings (a reset). */
    public synchronized void reset() {
        current = initial;
    }

    /** True, and one fewer to fail, when the scan being scheduled now must end {@code failed}. */
    public synchronized boolean takeFailure() {
        if (current.failNext() == 0) return false;
        current = current.withFailNext(current.failNext() - 1);
        return true;
    }
}
