package io.mcremulator.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * A control-API request body: a JSON object whose unknown fields are refused (a typo in a test must not pass
 * silently) and whose fields are read with their type checked. Errors are 400s that name the field.
 */
final class StrictJson {
    private final JsonNode root;
    private final String what;

    private StrictJson(JsonNode root, String what) {
        this.root = root;
        this.what = what;
    }

    /** Parses {@code bytes} as a JSON object with only {@code fields}; an empty body is an empty object. */
    static StrictJson parse(byte[] bytes, String what, Set<String> fields) {
        JsonNode root;
        try {
            root = bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.read(bytes);
        } catch (IOException e) {
            throw EmulatorException.badRequest(
                    "invalid " + what + ": not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "body",
                    null);
        }
        if (root == null || root.isNull() || root.isMissingNode()) root = Json.MAPPER.createObjectNode();
        if (!root.isObject())
            throw EmulatorException.badRequest("invalid " + what + ": the body must be a JSON object", "body", null);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw EmulatorException.badRequest(
                        "invalid " + what + ": '" + f + "' is not a known field; known fields: "
                                + String.join(", ", new TreeSet<>(fields)),
                        f,
                        null);
            }
        }
        return new StrictJson(root, what);
    }

    String string(String f) {
        JsonNode n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw fail(f, "must be a string");
        return n.asText();
    }

    Long integer(String f) {
        JsonNode n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw fail(f, "must be an integer");
        return n.asLong();
    }

    Integer intValue(String f, long min, long max) {
        Long v = integer(f);
        if (v == null) return null;
        if (v < min || v > max) throw fail(f, "must be between " + min + " and " + max + ", got " + v);
        return v.intValue();
    }

    Double number(String f) {
        JsonNode n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isNumber()) throw fail(f, "must be a number");
        return n.asDouble();
    }

    Boolean bool(String f) {
        JsonNode n = root.get(f);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw fail(f, "must be true or false");
        return n.asBoolean();
    }

    boolean has(String f) {
        JsonNode n = root.get(f);
        return n != null && !n.isNull();
    }

    EmulatorException fail(String field, String message) {
        return EmulatorException.badRequest(
                "invalid " + what + ": '" + field + "' " + message,
                field,
                root.get(field) == null ? null : root.get(field).toString());
    }
}
