package io.mcremulator.client;

import java.time.Instant;
import java.util.Map;

/**
 * The emulator's clock ({@code GET /_emulator/clock}).
 *
 * @param fixed        whether it stands still (until advanced or resumed)
 * @param controllable false when the engine runs on a custom clock that the control API cannot move
 */
public record ClockState(Instant now, boolean fixed, boolean controllable) {
    /** From the answer of {@code GET /_emulator/clock}. */
    public static ClockState of(Map<String, Object> m) {
        return new ClockState(
                Instant.parse((String) m.get("now")),
                Boolean.TRUE.equals(m.get("fixed")),
                Boolean.TRUE.equals(m.get("controllable")));
    }
}
