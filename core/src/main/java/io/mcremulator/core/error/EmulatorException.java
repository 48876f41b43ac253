package io.mcremulator.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain error: a catalogued code, a message that tells the caller what was wrong, and a detail map
 * (field, value, ...) rendered as the {@code detail} object of the error body.
 */
public class EmulatorException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> detail;

    public EmulatorException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public EmulatorException(ErrorCode code, String message, Map<String, ?> detail) {
        super(message == null ? code.defaultMessage() : message, null, false, false);
        this.code = code;
        this.detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> detail() {
        return detail;
    }

    public static EmulatorException badRequest(String message, String field, Object value) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (field != null) d.put("field", field);
        if (value != null) d.put("value", value);
        return new EmulatorException(ErrorCode.BAD_REQUEST, message, d);
    }

    public static EmulatorException notFound(String what, String id) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resource", what);
        if (id != null) d.put("id", id);
        return new EmulatorException(
                ErrorCode.NOT_FOUND,
                "error when getting resource: " + what + (id == null ? "" : " '" + id + "'") + " not found",
                d);
    }

    public static EmulatorException conflict(String message, String field, Object value) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (field != null) d.put("field", field);
        if (value != null) d.put("value", value);
        return new EmulatorException(ErrorCode.CONFLICT, message, d);
    }
}
