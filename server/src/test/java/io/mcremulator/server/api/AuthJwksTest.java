package io.mcremulator.server.api;

import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpServer;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.support.ApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** VERIFY mode with RS256 keys from a JWKS URL, served by a local HTTP server. */
class AuthJwksTest extends ApiTestBase {
    static final KeyPair KEY = AuthVerifyModeTest.rsa();
    static final KeyPair OTHER = AuthVerifyModeTest.rsa();
    private HttpServer jwks;

    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RSAPublicKey pub = (RSAPublicKey) KEY.getPublic();
        String doc = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(pub.getModulus().toByteArray()) + "\",\"e\":\""
                + b64(pub.getPublicExponent().toByteArray()) + "\"}]}";
        jwks.createContext("/.well-known/jwks.json", ex -> {
            byte[] body = doc.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        jwks.start();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
        return b.auth(new AuthSettings(AuthMode.VERIFY, null, null, url, Map.of(), null));
    }

    @AfterAll
    void stopJwks() {
        if (jwks != null) jwks.stop(0);
    }

    private static String b64(byte[] bigEndian) {
        int skip = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0;
        byte[] b = java.util.Arrays.copyOfRange(bigEndian, skip, bigEndian.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private io.restassured.response.Response get(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/v0/registries");
    }

    @Test
    void tokensSignedByTheJwksKeyAreAccepted() {
        get(AuthVerifyModeTest.claims()
                        .withKeyId("k1")
                        .sign(Algorithm.RSA256((RSAPublicKey) KEY.getPublic(), (RSAPrivateKey) KEY.getPrivate())))
                .then()
                .statusCode(200);
    }

    @Test
    void unknownKeyIdsAndOtherKeysAre401() {
        assertError(
                get(AuthVerifyModeTest.claims()
                        .withKeyId("k2")
                        .sign(Algorithm.RSA256((RSAPublicKey) KEY.getPublic(), (RSAPrivateKey) KEY.getPrivate()))),
                401,
                "unauthorized");
        assertError(
                get(AuthVerifyModeTest.claims()
                        .withKeyId("k1")
                        .sign(Algorithm.RSA256((RSAPublicKey) OTHER.getPublic(), (RSAPrivateKey) OTHER.getPrivate()))),
                401,
                "unauthorized");
        assertError(
                get(AuthVerifyModeTest.claims().sign(Algorithm.HMAC256("no-hs256-configured-0123456789ab"))),
                401,
                "unauthorized");
    }
}
