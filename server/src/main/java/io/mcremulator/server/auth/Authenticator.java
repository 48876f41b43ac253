package io.mcremulator.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.mcremulator.core.auth.ApiKeyDirectory;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.Uuids;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the management API's credentials into a {@link Principal}: {@code Authorization: Bearer <JWT>}
 * (claims {@code tenant}, {@code sub}, {@code email}, {@code scope}) or {@code X-API-Key}.
 */
public final class Authenticator {
    private final AuthSettings settings;
    private final ApiKeyDirectory directory;
    private final JwtVerifier verifier;
    /**
     * Principals of tokens already decoded, in decode mode only (there the answer depends on the token text
     * alone; verify mode checks signature and expiry on every call). Saves a JSON parse per request.
     */
    private final Map<String, Principal> decoded = new ConcurrentHashMap<>();

    static final int MAX_DECODED = 10_000;

    public Authenticator(AuthSettings settings, ApiKeyDirectory directory) {
        this.settings = settings;
        this.directory = directory;
        this.verifier = settings.mode() == AuthMode.VERIFY ? new JwtVerifier(settings) : null;
    }

    public AuthSettings settings() {
        return settings;
    }

    private static final String MEMO_ATTRIBUTE = "mcr.principal";

    /**
     * The caller of this request, worked out once per request: the control plane (journal, tenant-scoped faults)
     * and the management pipeline both ask, and in VERIFY mode each answer costs a signature check. A refusal is
     * remembered too and thrown again.
     */
    public Principal authenticate(io.javalin.http.Context ctx) {
        Object memo = ctx.attribute(MEMO_ATTRIBUTE);
        if (memo instanceof Principal p) return p;
        if (memo instanceof EmulatorException e) throw e;
        try {
            Principal p = authenticate(ctx.header("Authorization"), ctx.header("X-API-Key"));
            ctx.attribute(MEMO_ATTRIBUTE, p);
            return p;
        } catch (EmulatorException e) {
            ctx.attribute(MEMO_ATTRIBUTE, e);
            throw e;
        }
    }

    public Principal authenticate(String authorization, String apiKey) {
        if (authorization != null && !authorization.isBlank()) {
            if (verifier != null) return fromBearer(authorization.trim());
            Principal known = decoded.get(authorization);
            if (known != null) return known;
            Principal p = fromBearer(authorization.trim());
            if (decoded.size() >= MAX_DECODED) decoded.clear();
            decoded.put(authorization, p);
            return p;
        }
        if (apiKey != null && !apiKey.isBlank()) return fromApiKey(apiKey.trim());
        if (settings.mode() == AuthMode.ANONYMOUS) return settings.anonymous();
        throw unauthorized("missing credentials: send 'Authorization: Bearer <token>' or 'X-API-Key: <key>'");
    }

    private Principal fromBearer(String header) {
        String[] parts = header.split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            throw unauthorized("invalid Authorization header: expected 'Bearer <token>'");
        }
        String token = parts[1].trim();
        DecodedJWT jwt;
        try {
            jwt = verifier != null ? verifier.verify(token) : JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw unauthorized("invalid token: not a JWT (" + e.getMessage() + ")");
        } catch (JWTVerificationException e) {
            throw unauthorized("invalid token: " + e.getMessage());
        } catch (RuntimeException e) {
            // a token the JWT library cannot hold (a payload of JSON null, ...) is the caller's mistake: 401, not 500
            throw unauthorized("invalid token: its header or payload is not a JSON object");
        }
        if (!payloadIsObject(jwt)) throw unauthorized("invalid token: its payload is not a JSON object");
        String tenant = claimString(jwt, "tenant");
        if (tenant == null || tenant.isBlank()) throw unauthorized("invalid token: no 'tenant' claim");
        int dot = tenant.indexOf('.');
        String tenantId = dot >= 0 ? tenant.substring(dot + 1) : tenant;
        if (tenantId.isBlank()) throw unauthorized("invalid token: 'tenant' claim has no id after the type prefix");
        String sub = claimString(jwt, "sub");
        if (sub == null || sub.isBlank()) throw unauthorized("invalid token: no 'sub' claim");
        String email = claimString(jwt, "email");
        return new Principal(tenantId, sub, email, scopes(jwt));
    }

    private Principal fromApiKey(String key) {
        Principal mapped = settings.apiKeys().get(key);
        if (mapped != null) return mapped;
        return directory.lookup(key).orElseGet(() -> {
            if (settings.mode() == AuthMode.VERIFY) {
                // verify mode trusts only keys it knows: a tenant id (or any other UUID) is no key of its own
                throw unauthorized("invalid api key: in verify mode an X-API-Key must be a key the emulator knows"
                        + " (seeded as users[].api_key or api_keys[] with POST /_emulator/seed or --seed)");
            }
            if (!Uuids.isUuid(key)) throw unauthorized("invalid api key: expected a UUID");
            return Principal.of(key, key, null);
        });
    }

    /**
     * The {@code scope} claim: a space-separated string or a list of strings. Anything else (a number, an object, a
     * list holding null or a non-string) is a malformed token: 401.
     */
    private static Set<String> scopes(DecodedJWT jwt) {
        Claim c = jwt.getClaim("scope");
        if (c == null || c.isMissing() || c.isNull()) return null;
        String s = c.asString();
        if (s != null) return new LinkedHashSet<>(Arrays.asList(s.trim().split("\\s+")));
        List<Object> list;
        try {
            list = c.asList(Object.class);
        } catch (RuntimeException e) {
            list = null;
        }
        if (list == null) throw unauthorized("invalid token: claim 'scope' must be a string or a list of strings");
        Set<String> out = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof String str)) {
                throw unauthorized("invalid token: claim 'scope' must hold strings only, found " + o);
            }
            out.add(str);
        }
        return out;
    }

    private static boolean payloadIsObject(DecodedJWT jwt) {
        try {
            jwt.getClaim("tenant");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A claim that must be a string when present; another JSON type is a malformed token (401). */
    private static String claimString(DecodedJWT jwt, String name) {
        Claim c = jwt.getClaim(name);
        if (c == null || c.isMissing() || c.isNull()) return null;
        String s = c.asString();
        if (s == null) throw unauthorized("invalid token: claim '" + name + "' must be a string");
        return s;
    }

    static EmulatorException unauthorized(String message) {
        return new EmulatorException(ErrorCode.UNAUTHORIZED, message, Map.of());
    }
}
