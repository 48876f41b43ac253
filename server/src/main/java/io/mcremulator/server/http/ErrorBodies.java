package io.mcremulator.server.http;

import io.javalin.http.Context;
import io.mcremulator.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes errors in the format of the API that was called: MCR {slug,message,detail} or OCI {errors:[...]}. */
public final class ErrorBodies {
    private ErrorBodies() {}

    public static Map<String, Object> mcr(String slug, String message, Map<String, ?> detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("message", message);
        body.put("detail", detail == null ? Map.of() : detail);
        return body;
    }

    public static Map<String, Object> oci(String code, String message, Object detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        e.put("detail", detail);
        return Map.of("errors", List.of(e));
    }

    /** Writes an MCR error body with the code's status. */
    public static void writeMcr(Context ctx, ErrorCode code, String message, Map<String, ?> detail) {
        writeJson(ctx, code.status(), mcr(code.code(), message == null ? code.defaultMessage() : message, detail));
    }

    public static void writeJson(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(Json.write(body));
    }
}
