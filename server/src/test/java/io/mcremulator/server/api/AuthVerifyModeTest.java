package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.support.ApiTestBase;
import io.restassured.response.Response;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VERIFY mode with an HS256 secret and an RS256 PEM public key: signatures and expiry are checked. */
class AuthVerifyModeTest extends ApiTestBase {
    static final String SECRET = "verify-mode-secret-0123456789abcdef";
    static final KeyPair RSA = rsa();
    static final KeyPair OTHER_RSA = rsa();

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.auth(
                new AuthSettings(AuthMode.VERIFY, SECRET, pem((RSAPublicKey) RSA.getPublic()), null, Map.of(), null));
    }

    /** Claims of a valid token: tenant, sub, email and an expiry ten minutes ahead. */
    static com.auth0.jwt.JWTCreator.Builder claims() {
        return JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject(UUID.randomUUID().toString())
                .withClaim("email", "v@example.com")
                .withExpiresAt(Instant.now().plusSeconds(600));
    }

    private Response get(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/v0/registries");
    }

    @Test
    void hs256WithTheSharedSecretIsAccepted() {
        get(claims().sign(Algorithm.HMAC256(SECRET))).then().statusCode(200);
    }

    @Test
    void tokensWithoutExpAre401ByDefault() {
        String noExp = JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(SECRET));
        Response r = get(noExp);
        assertError(r, 401, "unauthorized");
        r.then().body("message", containsString("exp"));
    }

    @Test
    void anUnknownCritHeaderIs401() {
        Response r = get(claims().withHeader(Map.of("crit", java.util.List.of("urn:example:ext"), "urn:example:ext", 1))
                .sign(Algorithm.HMAC256(SECRET)));
        assertError(r, 401, "unauthorized");
        r.then().body("message", containsString("crit"));
        assertError(
                get(claims().withHeader(Map.of("crit", java.util.List.of())).sign(Algorithm.HMAC256(SECRET))),
                401,
                "unauthorized");
    }

    @Test
    void aSignedTokenWithANullPayloadOrNullScopeIs401() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("null".getBytes());
        String sig = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Algorithm.HMAC256(SECRET).sign(header.getBytes(), payload.getBytes()));
        assertError(get(header + "." + payload + "." + sig), 401, "unauthorized");
        assertError(
                get(claims().withClaim("scope", java.util.Arrays.asList("mcr.read", null))
                        .sign(Algorithm.HMAC256(SECRET))),
                401,
                "unauthorized");
    }

    @Test
    void rs256WithThePemKeyIsAccepted() {
        get(claims().sign(Algorithm.RSA256((RSAPublicKey) RSA.getPublic(), (RSAPrivateKey) RSA.getPrivate())))
                .then()
                .statusCode(200);
    }

    @Test
    void wrongSignaturesAre401() {
        assertError(get(claims().sign(Algorithm.HMAC256("not-the-secret-0123456789abcdef"))), 401, "unauthorized");
        assertError(
                get(claims().sign(Algorithm.RSA256(
                        (RSAPublicKey) OTHER_RSA.getPublic(), (RSAPrivateKey) OTHER_RSA.getPrivate()))),
                401,
                "unauthorized");
        assertError(get(claims().sign(Algorithm.none())), 401, "unauthorized");
        assertError(get(claims().sign(Algorithm.HMAC512(SECRET))), 401, "unauthorized");
        String good = claims().sign(Algorithm.HMAC256(SECRET));
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"tenant\":\"T." + UUID.randomUUID() + "\",\"sub\":\"evil\"}").getBytes())
                + "." + parts[2];
        assertError(get(tampered), 401, "unauthorized");
    }

    @Test
    void expiredTokensAre401() {
        Response r = get(claims().withExpiresAt(Instant.now().minusSeconds(60)).sign(Algorithm.HMAC256(SECRET)));
        assertError(r, 401, "unauthorized");
        r.then().body("message", containsString("expired"));
        assertError(
                get(claims().withNotBefore(Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(SECRET))),
                401,
                "unauthorized");
    }

    @Test
    void onlyKnownApiKeysAreAccepted() {
        String tenant = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        anonymous()
                .contentType("application/json")
                .body("{\"api_keys\":[{\"key\":\"" + key + "\",\"tenant\":\"" + tenant + "\",\"user_id\":\"u-1\"}]}")
                .post("/_emulator/seed")
                .then()
                .statusCode(204);
        anonymous().header("X-API-Key", key).get("/v0/registries").then().statusCode(200);
        // a UUID the emulator never issued, and the victim's tenant id itself, are no keys
        assertError(
                anonymous().header("X-API-Key", UUID.randomUUID().toString()).get("/v0/registries"),
                401,
                "unauthorized");
        Response asTenantId = anonymous().header("X-API-Key", tenant).get("/v0/registries");
        assertError(asTenantId, 401, "unauthorized");
        asTenantId.then().body("message", containsString("seeded"));
        assertError(anonymous().header("X-API-Key", tenant).get("/v0/credentials"), 401, "unauthorized");
    }
}
