package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.Credentials;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates /v2 requests with the docker login pair of {@code GET /v0/credentials}: {@code Authorization:
 * Basic} directly, or {@code Authorization: Bearer} with a token from {@code /service/token}.
 */
public final class OciAuth {
    /** Thrown for missing or bad credentials; the pipeline turns it into 401 with the challenge. */
    public static final class Unauthorized extends EmulatorException {
        Unauthorized(String message) {
            super(ErrorCode.OCI_UNAUTHORIZED, message, Map.of());
        }
    }

    private final OciSettings settings;
    private final RegistryTokens tokens;

    public OciAuth(OciSettings settings, RegistryTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    public Principal authenticate(Context ctx, Credentials credentials) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank())
            throw new Unauthorized(
                    "authentication required: log in with the username and password of GET /v0/credentials");
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) {
            return tokens.resolve(parts[1].trim(), credentials)
                    .orElseThrow(
                            () -> new Unauthorized(
                                    "invalid or expired token (tokens die when the password is reset): get a new one from /service/token"));
        }
        if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
            return basic(parts[1].trim(), credentials).principal();
        }
        throw new Unauthorized("unsupported Authorization scheme: use Basic or Bearer");
    }

    /** Checks an HTTP Basic pair against the region's docker credentials. */
    public Credentials.Login basic(String encoded, Credentials credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Unauthorized("malformed Basic credentials: not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) throw new Unauthorized("malformed Basic credentials: expected username:password");
        Optional<Credentials.Login> login =
                credentials.login(decoded.substring(0, colon), decoded.substring(colon + 1));
        return login.orElseThrow(
                () -> new Unauthorized("incorrect username or password: use the pair of GET /v0/credentials"
                        + " of region " + settings.region().id() + " (a password reset replaces it)"));
    }

    /** The {@code WWW-Authenticate} value for a 401 on {@code ctx}; {@code scope} may be null. */
    public String challenge(Context ctx, String scope) {
        if (settings.challenge() == OciSettings.Challenge.BASIC) return "Basic realm=\"" + settings.service() + "\"";
        String host = ctx.host() == null || ctx.host().isBlank() ? "127.0.0.1" : ctx.host();
        String realm = "http://" + host + "/service/token";
        return "Bearer realm=\"" + realm + "\",service=\"" + settings.service() + "\""
                + (scope == null ? "" : ",scope=\"" + scope + "\"");
    }
}
