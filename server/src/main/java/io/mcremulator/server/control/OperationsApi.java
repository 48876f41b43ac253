package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.JsonAnswers;
import io.mcremulator.server.operation.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /_emulator/operations}: every operation of the real APIs the server implements, read from the same
 * route table it serves; and {@code GET /_emulator/openapi.json}, the OpenAPI document of the control API.
 */
public final class OperationsApi {
    static final String OPENAPI_RESOURCE = "/mcr-emulator/control-openapi.json";
    private final ControlPlane plane;
    private final KnownDeviations deviations;

    OperationsApi(ControlPlane plane, KnownDeviations deviations) {
        this.plane = plane;
        this.deviations = deviations;
    }

    /** {@code ?api=management|oci|control} narrows the list; without it, the real APIs (management and OCI). */
    public void list(Context ctx) {
        JsonAnswers.write(ctx, 200, list(ctx.queryParam("api")));
    }

    /** The answer of {@code GET /_emulator/operations?api=..} ({@code api} may be null). */
    Map<String, Object> list(String api) {
        if (api != null && !List.of("management", "oci", "control").contains(api)) {
            throw EmulatorException.badRequest("invalid param: 'api' must be management, oci or control", "api", api);
        }
        List<Object> out = new ArrayList<>();
        for (Operation op : plane.index().operations()) {
            String kind = op.kind().name().toLowerCase(Locale.ROOT);
            if (api == null ? op.kind() == Operation.Kind.CONTROL : !api.equals(kind)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operationId", op.operationId());
            m.put("operationIds", op.operationIds());
            m.put("api", kind);
            m.put("method", op.method());
            m.put("paths", op.servedPaths());
            m.put("scopes", new TreeSet<>(op.scopes()));
            m.put("deprecated", op.deprecated());
            m.put("note", op.note());
            m.put("deviations", deviations.of(op.operationId()));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", out.size());
        body.put("operations", out);
        return body;
    }

    public void openApi(Context ctx) throws IOException {
        try (InputStream in = OperationsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null)
                throw new EmulatorException(
                        ErrorCode.INTERNAL_SERVER_ERROR, "resource " + OPENAPI_RESOURCE + " is missing from the build");
            ctx.status(200);
            ctx.contentType("application/json");
            ctx.result(in.readAllBytes());
        }
    }
}
