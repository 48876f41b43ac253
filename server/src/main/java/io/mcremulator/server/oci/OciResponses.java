package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.blob.ByteBufferSource;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.JsonAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * Writes /v2 responses straight to the servlet response with an exact {@code Content-Length}: no compression
 * (blobs are already compressed, and clients need the length), HEAD gets the headers and no body.
 */
final class OciResponses {
    private static final int STREAM_BUFFER = 1024 * 1024;

    private OciResponses() {}

    static void empty(Context ctx, int status) {
        ctx.status(status);
        ctx.res().setContentLengthLong(0);
    }

    /** A JSON result of /v2 (tag lists, the catalog, referrers, tokens), as {@link JsonAnswers} writes /v2 bodies. */
    static void json(Context ctx, int status, String contentType, Object body) {
        JsonAnswers.writeExact(ctx, status, contentType, Json.write(body));
    }

    /** A manifest, byte for byte. */
    static void bytes(Context ctx, int status, String contentType, byte[] body) {
        JsonAnswers.writeExact(ctx, status, contentType, body);
    }

    static void stream(Context ctx, int status, long length, InputStream in) throws IOException {
        ctx.status(status);
        ctx.res().setContentLengthLong(length);
        try (in) {
            if (isHead(ctx)) return;
            OutputStream out = ctx.res().getOutputStream();
            if (in instanceof ByteBufferSource source && out instanceof HttpOutput jetty) {
                // Blocks in memory or a file mapping go to the socket as they are: no copy through a heap array.
                for (ByteBuffer b : source.remainingBuffers()) jetty.write(b);
                jetty.flush();
                return;
            }
            // Large writes go to the socket as they are; transferTo's 8 KiB pieces each went through Jetty's buffer.
            byte[] buf = new byte[Math.max(8192, (int) Math.min(length, STREAM_BUFFER))];
            int n;
            while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
            out.flush();
        }
    }

    static boolean isHead(Context ctx) {
        return "HEAD".equalsIgnoreCase(ctx.req().getMethod());
    }
}
