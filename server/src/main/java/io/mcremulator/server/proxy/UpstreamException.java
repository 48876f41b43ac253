package io.mcremulator.server.proxy;

/**
 * An upstream call that did not produce a usable answer: unreachable, timed out, refused, or answered an error
 * status. {@link PullThrough} turns it into the OCI error the client sees.
 */
final class UpstreamException extends RuntimeException {
    enum Kind {
        /** Connection refused or dropped, DNS failure, plain HTTP not allowed, a 5xx answer, a wrong digest. */
        UNAVAILABLE,
        /** No answer within the upstream timeout. */
        TIMEOUT,
        /** An error status other than 5xx (401, 403, 404, 429 ...): see {@link #status()}. */
        STATUS
    }

    private final Kind kind;
    private final int status;

    private UpstreamException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    static UpstreamException unavailable(String message, Throwable cause) {
        return new UpstreamException(Kind.UNAVAILABLE, 0, message, cause);
    }

    static UpstreamException timeout(String message) {
        return new UpstreamException(Kind.TIMEOUT, 0, message, null);
    }

    static UpstreamException status(int status, String message) {
        return new UpstreamException(status >= 500 ? Kind.UNAVAILABLE : Kind.STATUS, status, message, null);
    }

    Kind kind() {
        return kind;
    }

    /** The upstream's HTTP status, 0 when it did not answer. */
    int status() {
        return status;
    }
}
