package io.mcremulator.server.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.support.ApiTestBase;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VERIFY mode with {@code --jwt-require-exp false}: tokens without {@code exp} pass; expired ones still fail. */
class AuthVerifyModeExpOptionalTest extends ApiTestBase {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.auth(new AuthSettings(AuthMode.VERIFY, AuthVerifyModeTest.SECRET, null, null, Map.of(), null)
                .withRequireExp(false));
    }

    @Test
    void tokensWithoutExpAreAcceptedWhenTheSwitchIsOff() {
        String noExp = JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(AuthVerifyModeTest.SECRET));
        anonymous()
                .header("Authorization", "Bearer " + noExp)
                .get("/v0/registries")
                .then()
                .statusCode(200);
        String expired = JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject(UUID.randomUUID().toString())
                .withExpiresAt(Instant.now().minusSeconds(60))
                .sign(Algorithm.HMAC256(AuthVerifyModeTest.SECRET));
        assertError(
                anonymous().header("Authorization", "Bearer " + expired).get("/v0/registries"), 401, "unauthorized");
    }
}
