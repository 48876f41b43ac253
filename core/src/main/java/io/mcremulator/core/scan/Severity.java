package io.mcremulator.core.scan;

import io.mcremulator.core.error.EmulatorException;
import java.util.Arrays;
import java.util.Locale;

/** A vulnerability's severity, declared from lowest to highest rank: sorting compares ranks, not names. */
public enum Severity {
    UNKNOWN,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The API value: {@code unknown}, {@code low}, {@code medium}, {@code high} or {@code critical}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API value; anything else is a 400 naming {@code field} and the accepted values. */
    public static Severity parse(String value, String field) {
        for (Severity s : values()) if (s.id().equals(value)) return s;
        throw EmulatorException.badRequest(
                "invalid param: " + field + " must be one of " + names() + ", got '" + value + "'", field, value);
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Severity::id).toList());
    }
}
