package io.mcremulator.server.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A request or response body as the journal keeps it: the first bytes up to the journal's limit, its full size,
 * whether it was cut. The text (UTF-8, or {@code base64:...} for binary) is made when first asked for, by a
 * journal read or a body filter, not on the request path (decoding every answer was ~5 % of a list's CPU).
 */
final class JournalBody {
    static final JournalBody NONE = new JournalBody(null, 0, false);

    private final byte[] kept;
    private final long size;
    private final boolean truncated;
    private volatile String text;

    private JournalBody(byte[] kept, long size, boolean truncated) {
        this.kept = kept;
        this.size = size;
        this.truncated = truncated;
    }

    /** Keeps the first {@code max} bytes of {@code bytes}, out of a body of {@code size} bytes in all. */
    static JournalBody of(byte[] bytes, long size, int max) {
        int n = Math.min(bytes.length, max);
        return new JournalBody(n == bytes.length ? bytes : Arrays.copyOf(bytes, n), size, size > n);
    }

    /** A body that was not kept, only described (streamed blobs). */
    static JournalBody described(String description) {
        JournalBody b = new JournalBody(null, -1, true);
        b.text = description;
        return b;
    }

    String text() {
        String t = text;
        if (t == null && kept != null) {
            String decoded = textual(kept);
            t = decoded != null
                    ? JournalRedaction.apply(decoded)
                    : "base64:" + Base64.getEncoder().encodeToString(kept);
            text = t;
        }
        return t;
    }

    long size() {
        return size;
    }

    boolean truncated() {
        return truncated;
    }

    /** The bytes as text when they are NUL-free, well-formed UTF-8; null for binary. */
    private static String textual(byte[] b) {
        for (byte x : b) if (x == 0) return null;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
