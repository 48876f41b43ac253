package io.mcremulator.junit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes the bearer tokens of test users: the claims the MCR gateway's tokens carry ({@code tenant} as
 * {@code <type>.<id>}, {@code sub}, {@code email}, {@code scope}), unsigned when the server only decodes tokens,
 * HS256-signed with the server's secret when it verifies them.
 */
final class Tokens {
    static final String ALL_SCOPES = "mcr.read mcr.write";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final Algorithm algorithm;
    private final String tenantType;

    Tokens(String hs256Secret, String tenantType) {
        this.algorithm = hs256Secret == null ? Algorithm.none() : Algorithm.HMAC256(hs256Secret);
        this.tenantType = tenantType;
    }

    /** Makes one throw-away token on a background thread, so the first test does not pay for java-jwt's start. */
    void warmUpInBackground() {
        Thread t = new Thread(
                () -> token("warm-up", "warm-up", "warm-up@users.mcr-emulator.local", ALL_SCOPES),
                "mcr-emulator-token-warmup");
        t.setDaemon(true);
        t.start();
    }

    String token(String tenantId, String userId, String email, String scope) {
        Instant now = Instant.now();
        return JWT.create()
                .withClaim("tenant", tenantType + "." + tenantId)
                .withSubject(userId)
                .withClaim("email", email)
                .withClaim("scope", scope)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(LIFETIME))
                .sign(algorithm);
    }
}
