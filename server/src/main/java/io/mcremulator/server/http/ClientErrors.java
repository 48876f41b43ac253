package io.mcremulator.server.http;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Tells a client's mistake from a server bug when something other than an {@link EmulatorException} escapes a
 * handler: a request Jetty or the JDK could not parse (a bad chunk, a truncated body, a malformed multipart form, an
 * unknown charset, a {@code %u} escape that cannot be decoded) is the caller's fault and gets a 4xx in the API's own
 * format. Anything else is a real 500, logged. Handlers refuse these requests themselves where they can; this is the
 * net under them, so a new parser path never turns bad input into a 5xx.
 */
public final class ClientErrors {
    private ClientErrors() {}

    /** The 4xx a throwable stands for, when it (or one of its causes) is the client's fault. */
    public static Optional<EmulatorException> of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof EmulatorException e) return Optional.of(e);
            if (c instanceof BadMessageException b) {
                int status = b.getCode() >= 400 && b.getCode() < 500 ? b.getCode() : 400;
                String reason = b.getReason() == null ? "malformed request" : b.getReason();
                return Optional.of(
                        new EmulatorException(ErrorCode.mcrForStatus(status), "invalid request: " + reason, Map.of()));
            }
            if (c instanceof UnsupportedCharsetException || c instanceof IllegalCharsetNameException) {
                return Optional.of(new EmulatorException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported charset in Content-Type: " + c.getMessage() + "; send UTF-8",
                        Map.of()));
            }
            if (c instanceof IllegalArgumentException
                    && c.getMessage() != null
                    && c.getMessage().startsWith("URLDecoder")) {
                return Optional.of(EmulatorException.badRequest(
                        "invalid percent-escape in the request: " + c.getMessage(), "path", null));
            }
            if (c instanceof IOException io) return Optional.of(BodyReader.unreadable(io));
        }
        return Optional.empty();
    }

    /**
     * Null when every {@code %} of a raw request path is followed by two hex digits, else a 400. Jetty's lenient URI
     * mode lets the old {@code %uXXXX} form through, which the path-parameter decoder then cannot read.
     */
    public static EmulatorException badPercentEscape(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) return null;
        for (int i = 0; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) != '%') continue;
            if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                String bad = rawPath.substring(i, Math.min(rawPath.length(), i + 6));
                return EmulatorException.badRequest(
                        "invalid percent-escape '" + bad + "' in the request path: '%' must be followed by two hex"
                                + " digits",
                        "path",
                        bad);
            }
            i += 2;
        }
        return null;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
