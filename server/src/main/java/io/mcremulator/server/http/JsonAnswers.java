package io.mcremulator.server.http;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes every JSON answer of the server: results ({@link #write}) and errors ({@link #error}). An error is written
 * in the format of the plane that was called, whatever raised it (a handler, routing, an injected fault, the HTTP
 * layer before routing): {@code {slug,message,detail}} for the management and control APIs,
 * {@code {"errors":[{code,message,detail}]}} under {@code /v2} and at the token endpoint. The code of an error in
 * either format comes from the catalogue ({@link ErrorCode#slug()}, {@link ErrorCode#ociCode()}).
 */
public final class JsonAnswers {
    public static final String CONTENT_TYPE = "application/json";
    public static final String OCI_VERSION_HEADER = "Docker-Distribution-Api-Version";
    public static final String OCI_VERSION = "registry/2.0";

    private JsonAnswers() {}

    /** A JSON result (or any body) with {@code status}; large bodies are gzipped when the client asks. */
    public static void write(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.contentType(CONTENT_TYPE);
        ctx.result(Json.write(body));
    }

    /**
     * A /v2 answer (JSON or a manifest): an exact Content-Length, uncompressed, and no body on HEAD, as distribution
     * answers.
     */
    public static void writeExact(Context ctx, int status, String contentType, byte[] bytes) {
        ctx.status(status);
        ctx.res().setContentType(contentType);
        ctx.res().setContentLengthLong(bytes.length);
        if ("HEAD".equalsIgnoreCase(ctx.req().getMethod())) return;
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A domain error, with its code's status. */
    public static void error(Context ctx, EmulatorException e) {
        error(ctx, ErrorAnswer.of(e));
    }

    /** An error in the format of the plane {@code ctx} called. */
    public static void error(Context ctx, ErrorAnswer error) {
        if (isOci(ctx.path())) {
            ctx.header(OCI_VERSION_HEADER, OCI_VERSION);
            writeExact(ctx, error.status(), CONTENT_TYPE, error.body(true));
            return;
        }
        ctx.status(error.status());
        ctx.contentType(CONTENT_TYPE);
        ctx.result(error.body(false));
    }

    /**
     * An error of the HTTP layer, before any route ran (Jetty's error handler): the same body and headers, and the
     * request id, which Javalin's before-handler had no chance to set.
     */
    public static void error(Request request, Response response, Callback callback, ErrorAnswer error) {
        boolean oci = isOci(RequestTargets.path(request));
        response.setStatus(error.status());
        RequestIds.stamp(request.getHeaders().get(RequestIds.REQUEST_ID_HEADER), response.getHeaders()::put);
        if (oci) response.getHeaders().put(OCI_VERSION_HEADER, OCI_VERSION);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(error.body(oci)), callback);
    }

    /** True for the paths whose errors are in the OCI format: the registry API and its token endpoint. */
    public static boolean isOci(String path) {
        return path != null && (path.equals("/v2") || path.startsWith("/v2/") || path.equals("/service/token"));
    }
}
