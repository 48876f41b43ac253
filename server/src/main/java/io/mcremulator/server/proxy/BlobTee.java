package io.mcremulator.server.proxy;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The upstream's blob body as the store reads it, copied to the client on the way. The last piece read is held
 * back until the digest is verified: {@link #release()} sends it, {@link #abort()} drops the connection instead, so a
 * client never receives a complete body with a wrong digest. A client that goes away does not stop the copy into the
 * store (other pulls are waiting for it).
 */
final class BlobTee extends FilterInputStream {
    private final Context ctx;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private boolean clientGone;

    BlobTee(InputStream upstream, Context ctx) {
        super(upstream);
        this.ctx = ctx;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n <= 0) return n;
        sendPending();
        if (pending.length < n) pending = new byte[Math.max(n, 64 * 1024)];
        System.arraycopy(b, off, pending, 0, n);
        pendingLength = n;
        return n;
    }

    private void sendPending() {
        if (pendingLength == 0 || clientGone) return;
        try {
            ctx.res().getOutputStream().write(pending, 0, pendingLength);
        } catch (IOException | RuntimeException e) {
            clientGone = true;
        }
        pendingLength = 0;
    }

    /** The digest is right: send the held-back piece and finish the response. */
    void release() {
        sendPending();
        if (clientGone) return;
        try {
            ctx.res().getOutputStream().flush();
        } catch (IOException e) {
            clientGone = true;
        }
    }

    /**
     * The copy failed: if the client already has part of the body, close its connection so it sees a broken
     * transfer; otherwise nothing was sent and the caller answers with an error.
     */
    void abort() {
        pendingLength = 0;
        if (!ctx.res().isCommitted()) {
            ctx.res().resetBuffer();
            return;
        }
        dropConnection(ctx);
    }

    static void dropConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
