package io.mcremulator.server.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the management API checks callers. */
public enum AuthMode {
    /** Default: Bearer JWTs are decoded without checking their signature; API keys are accepted. */
    DECODE,
    /** Bearer JWTs must carry a valid signature (HS256 secret, RS256 PEM key or JWKS URL) and be unexpired. */
    VERIFY,
    /** Callers without credentials act as a fixed default tenant and user; credentials, when sent, still count. */
    ANONYMOUS;

    public static AuthMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown auth mode '" + s + "'; expected one of "
                    + Arrays.stream(values())
                            .map(v -> v.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }
}
