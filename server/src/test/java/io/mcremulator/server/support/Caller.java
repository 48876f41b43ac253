package io.mcremulator.server.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.util.UUID;

/**
 * A management-API caller: tenant, user, email, and the Bearer JWT the mgc CLI would send (claims {@code tenant}
 * as {@code "<type>.<uuid>"}, {@code sub}, {@code email}, optionally {@code scope}).
 */
public record Caller(String tenantId, String userId, String email, String token) {
    public static final String TEST_SECRET = "test-secret-of-at-least-32-bytes-length!";

    public static Caller random() {
        return random(null);
    }

    /** A new tenant and user; {@code scope} null means a token without a scope claim (nothing enforced). */
    public static Caller random(String scope) {
        String tenant = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        String email = "user-" + user.substring(0, 8) + "@example.com";
        return new Caller(tenant, user, email, jwt(tenant, user, email, scope));
    }

    /** Another user of the same tenant. */
    public Caller colleague() {
        String user = UUID.randomUUID().toString();
        String mail = "user-" + user.substring(0, 8) + "@example.com";
        return new Caller(tenantId, user, mail, jwt(tenantId, user, mail, null));
    }

    public static String jwt(String tenant, String sub, String email, String scope) {
        var b = JWT.create()
                .withClaim("tenant", "IDP_TENANT." + tenant)
                .withSubject(sub)
                .withClaim("email", email);
        if (scope != null) b.withClaim("scope", scope);
        return b.sign(Algorithm.HMAC256(TEST_SECRET));
    }

    public String bearer() {
        return "Bearer " + token;
    }
}
