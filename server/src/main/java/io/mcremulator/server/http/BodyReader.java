package io.mcremulator.server.http;

import io.javalin.http.Context;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a management-API request body as a stream (chunked bodies included), stopping at the size limit with a
 * 413 instead of buffering without bound.
 */
public final class BodyReader {
    /** Request attribute holding the body once read, for the request journal (control/ControlPlane). */
    public static final String BODY_ATTRIBUTE = "mcr.requestBody";

    private static final String STARTED_ATTRIBUTE = "mcr.requestBodyStarted";

    /**
     * How many bytes of an oversized body are read and thrown away before the 413 is sent. A server that answers
     * and closes while the client is still sending makes most clients (Apache HttpClient, Java's HttpClient, curl)
     * fail with "broken pipe" instead of showing the 413; reading the rest first lets them see it. Bodies beyond
     * this bound are not read: the connection is closed (see docs/behaviour.md).
     */
    public static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private BodyReader() {}

    /**
     * Reads a body the handler did not need (every DELETE and the password reset get the Go SDK's {@code null}), so
     * the connection stays usable: an unread chunked body makes Jetty close it after the response, and a client
     * that reuses the pooled connection then fails ("header parser received no bytes", Go's "EOF"). Bodies past
     * {@code maxBytes} are left; then the connection is closed, as for any oversized body.
     */
    public static void drain(Context ctx, int maxBytes) {
        if (ctx.attribute(STARTED_ATTRIBUTE) != null) return;
        try {
            read(ctx, maxBytes);
        } catch (RuntimeException e) {
            // too large or broken: nothing to keep; Jetty closes the connection
        }
    }

    public static byte[] read(Context ctx, int maxBytes) {
        ctx.attribute(STARTED_ATTRIBUTE, Boolean.TRUE);
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > maxBytes) {
                discardRest(in, declared);
                throw tooLarge(maxBytes);
            }
            if (declared == 0 || (declared < 0 && !hasBody(ctx))) return noBody(ctx);
            if (declared > 0) return readDeclared(ctx, in, (int) declared);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + n > maxBytes) {
                    discardRest(in, -1);
                    throw tooLarge(maxBytes);
                }
                out.write(buf, 0, n);
            }
            byte[] body = out.toByteArray();
            ctx.attribute(BODY_ATTRIBUTE, body);
            return body;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static final byte[] EMPTY = new byte[0];

    /**
     * A request without Content-Length and without Transfer-Encoding has no body (RFC 9112 6.3): nothing to read, so
     * no read buffer is allocated (every GET went through {@link #drain}, and its 8 KiB buffer was the largest
     * allocation of a get in the JFR allocation profile).
     */
    private static boolean hasBody(Context ctx) {
        return ctx.req().getHeader("Transfer-Encoding") != null;
    }

    private static byte[] noBody(Context ctx) {
        ctx.attribute(BODY_ATTRIBUTE, EMPTY);
        return EMPTY;
    }

    /** A body of known length (at most the limit): read into an array of that size, then checked to end there. */
    private static byte[] readDeclared(Context ctx, InputStream in, int declared) throws IOException {
        byte[] body = in.readNBytes(declared);
        if (body.length < declared)
            throw new IOException("the body ended after " + body.length + " of its " + declared + " bytes");
        ctx.attribute(BODY_ATTRIBUTE, body);
        return body;
    }

    /**
     * A body that cannot be read to its end (a malformed chunk size such as {@code zz}, a chunked body cut short,
     * fewer bytes than the Content-Length): the client's fault, so a 400 in the API's format, never a 500.
     */
    public static EmulatorException unreadable(IOException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage();
        return new EmulatorException(
                ErrorCode.BAD_REQUEST,
                "invalid request body: it could not be read to its end (malformed or truncated chunked encoding, or"
                        + " fewer bytes than Content-Length): " + why,
                Map.of());
    }

    /**
     * Reads and drops what is left of a body the server has already refused, up to {@link #DISCARD_LIMIT}, so the
     * client finishes sending and reads the error. {@code declared} is the Content-Length, or -1 when chunked;
     * a declared length past the limit is not read at all. Read errors are ignored: the refusal stands.
     *
     * @return how many bytes were read and dropped
     */
    public static long discardRest(InputStream in, long declared) {
        if (declared > DISCARD_LIMIT) return 0;
        long seen = 0;
        try {
            byte[] buf = new byte[16 * 1024];
            int n;
            while (seen < DISCARD_LIMIT && (n = in.read(buf)) >= 0) seen += n;
        } catch (IOException e) {
            // the client went away; nothing more to do
        }
        return seen;
    }

    private static EmulatorException tooLarge(int maxBytes) {
        return new EmulatorException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "request body too large: the limit is " + maxBytes + " bytes",
                Map.of("limit", maxBytes));
    }
}
