package io.mcremulator.server.http;

import io.mcremulator.core.error.EmulatorException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing (8-4-4-4-12 hex), with a 400 that names the parameter. */
public final class Uuids {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Uuids() {}

    public static boolean isUuid(String s) { return s != null && UUID_TEXT.matcher(s).matches(); }

    public static UUID parse(String name, String value) {
        if (!isUuid(value)) {
            throw EmulatorException.badRequest("invalid param: '" + name + "' must be a UUID, got '" + value + "'", name, value);
        }
        return UUID.fromString(value);
    }
}
