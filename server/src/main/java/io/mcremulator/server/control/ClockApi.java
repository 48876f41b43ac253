package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.time.ControllableClock;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_emulator/clock}: read the engine's clock; fix it at an instant, advance a fixed clock, or let it follow
 * system time again. Timestamps the API writes ({@code created_at}, {@code updated_at}, {@code pushed_at}) come from it.
 */
public final class ClockApi {
    private final Clock clock;

    ClockApi(Clock clock) {
        this.clock = clock;
    }

    public void get(Context ctx) {
        JsonAnswers.write(ctx, 200, view());
    }

    public void fix(Context ctx) {
        JsonAnswers.write(ctx, 200, fix(BodyReader.read(ctx, 4096)));
    }

    public void advance(Context ctx) {
        JsonAnswers.write(ctx, 200, advance(BodyReader.read(ctx, 4096)));
    }

    public void resume(Context ctx) {
        JsonAnswers.write(ctx, 200, resume());
    }

    /** Body {@code {"at": "2024-05-15T19:56:47Z"}}; without {@code at}, fixes the clock where it is now. */
    Map<String, Object> fix(byte[] body) {
        StrictJson j = StrictJson.parse(body, "clock request", Set.of("at"));
        String at = j.string("at");
        Instant instant;
        try {
            instant = at == null ? clock.instant() : OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw j.fail("at", "must be an RFC 3339 timestamp such as 2024-05-15T19:56:47Z");
        }
        try {
            controllable().fixAt(instant);
        } catch (IllegalArgumentException e) {
            throw j.fail("at", "must be between " + ControllableClock.MIN + " and " + ControllableClock.MAX);
        }
        return view();
    }

    /** Body {@code {"by": "PT1H"}} (ISO-8601 duration) or {@code {"seconds": 3600}}; fixes a running clock first. */
    Map<String, Object> advance(byte[] body) {
        StrictJson j = StrictJson.parse(body, "clock request", Set.of("by", "seconds"));
        String by = j.string("by");
        Long seconds = j.integer("seconds");
        if ((by == null) == (seconds == null)) {
            throw EmulatorException.badRequest(
                    "invalid clock request: give exactly one of 'by' (an ISO-8601 duration such as PT1H30M) "
                            + "or 'seconds'",
                    "by",
                    null);
        }
        Duration d;
        try {
            d = by != null ? Duration.parse(by) : Duration.ofSeconds(seconds);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw j.fail("by", "must be an ISO-8601 duration such as PT10M or P1D");
        }
        if (d.isNegative())
            throw j.fail(by != null ? "by" : "seconds", "must not be negative: the clock never goes back by advancing");
        try {
            controllable().advance(d); // one step: a refused advance leaves the clock as it was (running or fixed)
        } catch (IllegalArgumentException e) {
            throw j.fail(
                    by != null ? "by" : "seconds",
                    "moves the clock past " + ControllableClock.MAX + " (timestamps are RFC 3339, four-digit years)");
        }
        return view();
    }

    Map<String, Object> resume() {
        controllable().resume();
        return view();
    }

    private ControllableClock controllable() {
        if (clock instanceof ControllableClock c) return c;
        throw new EmulatorException(
                ErrorCode.CONFLICT,
                "the engine runs on a custom clock (" + clock.getClass().getName()
                        + ") that cannot be controlled; configure a ControllableClock",
                Map.of());
    }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", clock.instant().toString());
        m.put("fixed", clock instanceof ControllableClock c && c.isFixed());
        m.put("controllable", clock instanceof ControllableClock);
        return m;
    }
}
