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

    public void fixAt(Instant at) {
        fixed.set(at);
    }

    public void advance(Duration by) {
        fixed.updateAndGet(cur -> (cur == null ? system.instant() : cur).plus(by));
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
