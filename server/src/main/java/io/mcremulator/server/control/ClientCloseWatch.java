package io.mcremulator.server.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices that the client of a request waiting on a delay fault closed its connection, while the request waits.
 * <p>
 * Jetty does not read a connection while its request is being handled, so on its own it learns of the close only
 * when it writes the answer. The watch registers read interest on the connection's end point (no thread is held)
 * and, when the socket becomes readable, reads once without blocking:
 * <ul>
 *   <li><b>end of stream or an error</b> (the client closed or reset): {@code gone} runs;
 *   <li><b>bytes</b> (the client pipelined its next request, HTTP/1.1): they are handed back to the connection (its
 *       request buffer, as Jetty does for bytes left over by a protocol upgrade), so it parses them after the current
 *       answer; the watch ends there, since reading further would take more of them. Bytes that do not fit back
 *       (not expected: at most {@value #READ_BYTES} are read into a buffer of {@code inputBufferSize}) cannot be
 *       returned: then {@link #mustCloseAfterAnswer()} says so, and the answer closes the connection, so the client
 *       sees its pipelined request unanswered on a closed connection (and retries it), never a wrong answer.
 * </ul>
 * {@link #stop()} ends the watch before the answer is written: Jetty refuses to complete a request while a read is
 * pending on its connection.
 */
final class ClientCloseWatch implements Callback {
    static final int READ_BYTES = 4096;
    private static final Throwable STOPPED = new Throwable("watch stopped", null, false, false) {};

    private final EndPoint endPoint;
    private final Runnable gone;
    private boolean stopped; // guarded by this
    private boolean closeAfterAnswer; // guarded by this

    private ClientCloseWatch(EndPoint endPoint, Runnable gone) {
        this.endPoint = endPoint;
        this.gone = gone;
    }

    /**
     * Starts watching, or returns null when the connection cannot be watched: it is already being read (a request
     * body still arriving), or it is not a Jetty end point that lets a read interest be withdrawn.
     */
    static ClientCloseWatch start(EndPoint endPoint, Runnable gone) {
        if (!(endPoint instanceof AbstractEndPoint) || !(endPoint.getConnection() instanceof Connection.UpgradeTo))
            return null;
        ClientCloseWatch w = new ClientCloseWatch(endPoint, gone);
        return endPoint.tryFillInterested(w) ? w : null;
    }

    /** Ends the watch (the wait ended): after this, nothing of the connection is read by it. */
    void stop() {
        synchronized (this) {
            if (stopped) return;
            stopped = true;
        }
        ((AbstractEndPoint) endPoint).getFillInterest().onFail(STOPPED); // withdraws the read interest if still ours
    }

    /** True when bytes of a next request were read and could not all be handed back (see the class comment). */
    synchronized boolean mustCloseAfterAnswer() {
        return closeAfterAnswer;
    }

    /** The socket is readable: end of stream (the client went away) or the bytes of a next request. */
    @Override
    public void succeeded() {
        boolean clientGone = false;
        synchronized (this) {
            if (stopped) return;
            ByteBuffer buffer = BufferUtil.allocate(READ_BYTES);
            try {
                int n = endPoint.fill(buffer);
                if (n < 0) {
                    clientGone = true;
                } else if (n == 0) {
                    if (!endPoint.tryFillInterested(this)) stopped = true; // spurious wake-up: keep watching
                } else {
                    stopped = true; // a pipelined request: hand it back, read no further
                    ((Connection.UpgradeTo) endPoint.getConnection()).onUpgradeTo(buffer);
                    closeAfterAnswer = buffer.hasRemaining();
                }
            } catch (IOException e) {
                clientGone = true; // reset by the peer
            }
            if (clientGone) stopped = true;
        }
        if (clientGone) gone.run();
    }

    /** The read interest failed: withdrawn by {@link #stop()}, or the connection closed or timed out. */
    @Override
    public void failed(Throwable x) {
        if (x == STOPPED) return;
        boolean clientGone;
        synchronized (this) {
            if (stopped) return;
            clientGone = !endPoint.isOpen();
            if (!clientGone && !endPoint.tryFillInterested(this)) stopped = true; // an idle timeout: keep watching
            if (clientGone) stopped = true;
        }
        if (clientGone) gone.run();
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING; // gone() lets the request's failure run: on a pool thread, not the selector
    }
}
