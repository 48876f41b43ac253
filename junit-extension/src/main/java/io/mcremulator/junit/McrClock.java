package io.mcremulator.junit;

import io.mcremulator.client.ClockState;
import io.mcremulator.client.EmulatorControl;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The emulator's clock ({@code created_at}, {@code updated_at}, {@code pushed_at}): fix it, advance it, read it.
 *
 * <p>The clock is one per server, shared by every test using it: under parallel execution a test that moves it
 * moves it for the others too. Tests that need the clock should use {@link Isolation#RESET} (they run one at a time)
 * or {@link ServerScope#CLASS} with a class that does not run its methods concurrently. When the test (or class)
 * ends, the clock is put back as it was before the handle first changed it.
 */
public final class McrClock {
    private final Supplier<EmulatorControl> control;
    private volatile ClockState before;

    McrClock(Supplier<EmulatorControl> control) {
        this.control = control;
    }

    /** The emulator's current time. */
    public Instant now() {
        return control.get().now();
    }

    /** Stops the clock at {@code at}. */
    public void fix(Instant at) {
        remember();
        control.get().fixClock(at);
    }

    /** Moves the clock forward (fixing a running clock first, at its current time). */
    public void advance(Duration by) {
        remember();
        control.get().advanceClock(by);
    }

    /** Lets the clock follow system time again. */
    public void resume() {
        remember();
        control.get().resumeClock();
    }

    private synchronized void remember() {
        if (before == null) before = control.get().clock();
    }

    /** Puts the clock back as it was before this handle changed it. */
    synchronized void restore() {
        ClockState b = before;
        if (b == null) return;
        before = null;
        if (!b.controllable()) return; // a custom engine clock: nothing was changed
        if (b.fixed()) control.get().fixClock(b.now());
        else control.get().resumeClock();
    }
}
