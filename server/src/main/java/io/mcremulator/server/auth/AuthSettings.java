package io.mcremulator.server.auth;

import io.mcremulator.core.auth.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Auth configuration: the mode, the keys that verify JWTs in VERIFY mode, and fixed API-key mappings.
 *
 * @param requireExp VERIFY mode only: refuse tokens without an {@code exp} claim (default true; {@code
 *     --jwt-require-exp false} accepts them, as long-lived test tokens may lack one)
 */
public record AuthSettings(
        AuthMode mode,
        String hs256Secret,
        String rs256PublicKeyPem,
        String jwksUrl,
        Map<String, Principal> apiKeys,
        Principal anonymous,
        boolean requireExp) {
    public static final Principal DEFAULT_ANONYMOUS = new Principal(
            "00000000-0000-4000-8000-000000000000",
            "00000000-0000-4000-8000-000000000001",
            "anonymous@users.mcr-emulator.local",
            null);

    public AuthSettings {
        if (mode == null) mode = AuthMode.DECODE;
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(apiKeys));
        if (anonymous == null) anonymous = DEFAULT_ANONYMOUS;
        if (mode == AuthMode.VERIFY && hs256Secret == null && rs256PublicKeyPem == null && jwksUrl == null) {
            throw new IllegalArgumentException(
                    "auth mode 'verify' needs an HS256 secret, an RS256 public key (PEM) or a JWKS URL");
        }
    }

    /** Settings that require {@code exp} in VERIFY mode (the default). */
    public AuthSettings(
            AuthMode mode,
            String hs256Secret,
            String rs256PublicKeyPem,
            String jwksUrl,
            Map<String, Principal> apiKeys,
            Principal anonymous) {
        this(mode, hs256Secret, rs256PublicKeyPem, jwksUrl, apiKeys, anonymous, true);
    }

    /** The same settings with {@code exp} required or not in VERIFY mode. */
    public AuthSettings withRequireExp(boolean require) {
        return new AuthSettings(mode, hs256Secret, rs256PublicKeyPem, jwksUrl, apiKeys, anonymous, require);
    }

    public static AuthSettings defaults() {
        return new AuthSettings(AuthMode.DECODE, null, null, null, Map.of(), null);
    }
}
