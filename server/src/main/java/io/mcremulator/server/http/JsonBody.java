package io.mcremulator.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.error.EmulatorException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body read as a JSON object, with typed, checked field access. JSON {@code null} and an absent
 * field both read as "not given"; a field of the wrong type is a 400 that names it. Unknown fields are ignored,
 * as the real clients expect.
 */
public final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Parses a body that must be a JSON object. An empty body or {@code null} is "no body": 400. */
    public static JsonBody parseObject(byte[] bytes) {
        JsonBody b = parseOptionalObject(bytes);
        if (b.root == null) {
            throw EmulatorException.badRequest("invalid param: request body is required (a JSON object)", "body", null);
        }
        return b;
    }

    /** Parses a body that may be absent, empty or the literal {@code null} (all meaning "nothing given"). */
    public static JsonBody parseOptionalObject(byte[] bytes) {
        if (bytes == null || isBlank(bytes)) return new JsonBody(null);
        JsonNode node;
        try {
            node = Json.read(bytes);
        } catch (IOException e) {
            throw EmulatorException.badRequest(
                    "invalid param: request body is not valid JSON: " + Json.describe(e), "body", null);
        }
        if (node == null || node.isNull() || node.isMissingNode()) return new JsonBody(null);
        if (!node.isObject()) {
            throw EmulatorException.badRequest(
                    "invalid param: request body must be a JSON object, got " + kind(node), "body", null);
        }
        return new JsonBody(node);
    }

    public boolean present() {
        return root != null;
    }

    /** A string field; null when absent or JSON null; 400 when of another type. */
    public String string(String field) {
        JsonNode n = root == null ? null : root.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            throw EmulatorException.badRequest(
                    "invalid param: field '" + field + "' must be a string, got " + kind(n), field, n.toString());
        }
        return n.asText();
    }

    /** A string field that must be present and not empty. */
    public String requiredString(String field) {
        String v = string(field);
        if (v == null || v.isEmpty())
            throw EmulatorException.badRequest("invalid param: field '" + field + "' is required", field, null);
        return v;
    }

    /** A string field holding a UUID; "" counts as absent (the spec's default for proxy_cache_id). */
    public java.util.UUID uuid(String field) {
        String v = string(field);
        if (v == null || v.isEmpty()) return null;
        return Uuids.parse(field, v);
    }

    /** The body as plain Java values (maps, lists, strings, numbers, booleans, nulls). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return root == null ? new LinkedHashMap<>() : Json.MAPPER.convertValue(root, LinkedHashMap.class);
    }

    public JsonNode node() {
        return root;
    }

    static String kind(JsonNode n) {
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "a boolean";
        if (n.isArray()) return "an array";
        if (n.isObject()) return "an object";
        return "null";
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
        return true;
    }
}
