package io.mcremulator.server.http;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One error, before it is given a format.
 *
 * @param slug    the slug of the management format
 * @param ociCode the code of the OCI format
 * @param detail  the {@code detail} object; empty is written as {@code {}} (management) or {@code null} (OCI)
 */
public record ErrorAnswer(int status, String slug, String ociCode, String message, Map<String, ?> detail) {
    public ErrorAnswer {
        detail = detail == null ? Map.of() : detail;
    }

    public static ErrorAnswer of(EmulatorException e) {
        return of(e.code(), e.code().status(), e.getMessage(), e.detail());
    }

    /** An error of a catalogued code with another status (an HTTP-layer status without an entry of its own). */
    public static ErrorAnswer of(ErrorCode code, int status, String message, Map<String, ?> detail) {
        return new ErrorAnswer(
                status, code.slug(), code.ociCode(), message == null ? code.defaultMessage() : message, detail);
    }

    /** An error of {@code status}, coded as the catalogue says for it ({@link ErrorCode#mcrForStatus}). */
    public static ErrorAnswer ofStatus(int status, String message) {
        return of(ErrorCode.mcrForStatus(status), status, message, Map.of());
    }

    /** The body in the management format, or in the OCI format. */
    public byte[] body(boolean oci) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (oci) {
            e.put("code", ociCode);
            e.put("message", message);
            e.put("detail", detail.isEmpty() ? null : detail);
            return Json.write(Map.of("errors", List.of(e)));
        }
        e.put("slug", slug);
        e.put("message", message);
        e.put("detail", detail);
        return Json.write(e);
    }
}
