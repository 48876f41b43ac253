package io.mcremulator.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can stop and move: {@link #fixAt(Instant)} pins it, {@link #advance(Duration)} moves a pinned
 * clock, {@link #resume()} follows the system clock again. The engine reads time only through a {@link Clock}.
 */
public final class ControllableClock extends Clock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final Clock system = Clock.systemUTC();

    public static ControllableClock system() {
        return new ControllableClock();
    }

    public static ControllableClock fixed(Instant at) {
        ControllableClock c = new ControllableClock();
        c.fixAt(at);
        return c;
    }

    /** The earliest instant the clock may show: timestamps are RFC 3339, whose years have four digits. */
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant the clock may show (the last second of year 9999). */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Pins the clock at {@code at}; an instant outside {@link #MIN}..{@link #MAX} is refused and nothing changes. */
    public void fixAt(Instant at) {
        fixed.set(checked(at));
    }

    /**
     * Moves the clock by {@code by}, pinning a running clock where it is first, as one step: a move past
     * {@link #MAX} (or an overflow) throws {@link IllegalArgumentException} and leaves the clock as it was.
     */
    public void advance(Duration by) {
        fixed.updateAndGet(cur -> {
            Instant base = cur == null ? system.instant() : cur;
            try {
                return checked(base.plus(by));
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new IllegalArgumentException("advancing by " + by + " goes past " + MAX, e);
            }
        });
    }

    private static Instant checked(Instant at) {
        if (at.isBefore(MIN) || at.isAfter(MAX)) {
            throw new IllegalArgumentException(at + " is outside " + MIN + " .. " + MAX);
        }
        return at;
    }

    public void resume() {
        fixed.set(null);
    }

    public boolean isFixed() {
        return fixed.get() != null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed.get();
        return f != null ? f : system.instant();
    }
}
