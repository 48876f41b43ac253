package io.mcremulator.core;

import io.mcremulator.core.error.EmulatorException;
import java.util.Arrays;
import java.util.Locale;

/** The role of a registry member: what it may do with the registry over /v2. */
public enum MemberRole {
    /** Push and pull. */
    DEVELOPER,
    /** Pull only. */
    GUEST;

    /** The role as the API writes it ({@code developer}, {@code guest}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API value; anything else is a 400 naming {@code field} and the valid values. */
    public static MemberRole parse(String field, String value) {
        for (MemberRole r : values()) if (r.apiName().equals(value)) return r;
        throw EmulatorException.badRequest(
                "invalid param: " + field + " must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(MemberRole::apiName).toList())
                        + ", got '" + value + "'",
                field,
                value);
    }
}
