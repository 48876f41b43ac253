package io.mcremulator.core;

import io.mcremulator.core.error.EmulatorException;
import java.util.regex.Pattern;

/** Validation of user-chosen names, with messages that say which rule failed. */
final class Names {
    /** Lowercase letters and digits, separated by single '.', '_' or '-' (see docs/behaviour.md). */
    static final Pattern RESOURCE_NAME = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");

    private Names() {}

    static void checkResourceName(String field, String name, int minLength, int maxLength) {
        if (name == null)
            throw EmulatorException.badRequest("invalid param: field '" + field + "' is required", field, null);
        if (name.length() < minLength || name.length() > maxLength) {
            throw EmulatorException.badRequest(
                    "invalid param: field '" + field + "' must have " + minLength + " to " + maxLength
                            + " characters, got " + name.length(),
                    field,
                    name);
        }
        if (!RESOURCE_NAME.matcher(name).matches()) {
            throw EmulatorException.badRequest(
                    "invalid param: field '" + field + "' must be lowercase letters and digits,"
                            + " optionally separated by single '.', '_' or '-', got '" + name + "'",
                    field,
                    name);
        }
    }
}
