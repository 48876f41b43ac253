package io.mcremulator.core.scan;

import io.mcremulator.core.error.EmulatorException;
import java.util.Arrays;
import java.util.Locale;

/** The life of a scan: pending, then running, then one of the terminal states. */
public enum ScanStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    STOPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    public static ScanStatus parse(String value, String field) {
        for (ScanStatus s : values()) if (s.id().equals(value)) return s;
        throw EmulatorException.badRequest(
                "invalid param: " + field + " must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(ScanStatus::id).toList()) + ", got '" + value
                        + "'",
                field,
                value);
    }
}
