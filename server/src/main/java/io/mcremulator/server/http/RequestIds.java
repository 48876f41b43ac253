package io.mcremulator.server.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * Ids for the {@code X-Request-ID} and {@code X-Mgc-Trace-Id} answer headers, and the one place that sets them. They
 * only correlate logs, so they come from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from one shared
 * SecureRandom, a lock that every request of every thread would queue on.
 */
public final class RequestIds {
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    public static final String TRACE_ID_HEADER = "X-Mgc-Trace-Id";

    private RequestIds() {}

    /**
     * Sets the answer's request id (the caller's {@code X-Request-ID} when it sent one, else a new one) and a new trace
     * id. Called for every request: by the server's before-handler, and by the HTTP layer's error writer for the
     * requests it refuses before routing.
     */
    public static void stamp(String incomingRequestId, BiConsumer<String, String> header) {
        header.accept(
                REQUEST_ID_HEADER,
                incomingRequestId == null || incomingRequestId.isBlank() ? requestId() : incomingRequestId);
        header.accept(TRACE_ID_HEADER, traceId());
    }

    /** A random version-4 UUID, in its usual text form. */
    public static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** 32 lowercase hex digits (a W3C trace id). */
    public static String traceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return hex16(r.nextLong()) + hex16(r.nextLong());
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return h.length() == 16 ? h : "0".repeat(16 - h.length()) + h;
    }
}
