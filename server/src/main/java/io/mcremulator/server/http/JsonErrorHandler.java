package io.mcremulator.server.http;

import io.mcremulator.core.error.ErrorCode;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a malformed percent-escape, a URI or headers too long):
 * JSON in the API's format, with the request and trace ids, instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null
                ? ""
                : request.getHttpURI().getPath();
        String text = "request rejected by the HTTP layer: " + code
                + (message == null || message.isBlank() ? "" : " " + message);
        Object body = path.startsWith("/v2") || path.startsWith("/service/token")
                ? ErrorBodies.oci(
                        code == 404 ? "NAME_UNKNOWN" : code == 401 ? "UNAUTHORIZED" : "UNSUPPORTED", text, null)
                : ErrorBodies.mcr(ErrorCode.mcrForStatus(code).code(), text, Map.of());
        String rid = request.getHeaders().get("X-Request-ID");
        response.getHeaders()
                .put(
                        "X-Request-ID",
                        rid == null || rid.isBlank() ? UUID.randomUUID().toString() : rid);
        response.getHeaders().put("X-Mgc-Trace-Id", UUID.randomUUID().toString().replace("-", ""));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(Json.write(body)), callback);
    }
}
