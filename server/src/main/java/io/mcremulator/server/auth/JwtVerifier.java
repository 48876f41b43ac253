package io.mcremulator.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.InvalidClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.server.http.Json;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Signature and expiry checks for VERIFY mode: HS256 with a shared secret, RS256 with a PEM key or a JWKS URL. */
final class JwtVerifier {
    private final Algorithm hs256;
    private final Algorithm rs256;
    private final boolean requireExp;

    JwtVerifier(AuthSettings s) {
        this.requireExp = s.requireExp();
        this.hs256 = s.hs256Secret() == null ? null : Algorithm.HMAC256(s.hs256Secret());
        if (s.rs256PublicKeyPem() != null) {
            this.rs256 = Algorithm.RSA256(parsePem(s.rs256PublicKeyPem()), null);
        } else if (s.jwksUrl() != null) {
            this.rs256 = Algorithm.RSA256(new JwksKeys(s.jwksUrl()));
        } else {
            this.rs256 = null;
        }
    }

    DecodedJWT verify(String token) {
        DecodedJWT decoded = JWT.decode(token);
        String alg = decoded.getAlgorithm();
        Algorithm a = "HS256".equals(alg) ? hs256 : "RS256".equals(alg) ? rs256 : null;
        if (a == null) throw new SignatureVerificationException(Algorithm.none());
        DecodedJWT verified = JWT.require(a).acceptLeeway(0).build().verify(decoded);
        // RFC 7515 4.1.11: a 'crit' header names extensions the recipient must understand; the emulator
        // understands none, so any 'crit' header (even an empty or malformed one) makes the token invalid.
        if (!verified.getHeaderClaim("crit").isMissing()) {
            throw new InvalidClaimException("the token's 'crit' header names extensions the emulator does not"
                    + " understand (RFC 7515 4.1.11)");
        }
        if (requireExp && verified.getExpiresAtAsInstant() == null) {
            throw new InvalidClaimException("the token has no 'exp' claim; verify mode requires one"
                    + " (--jwt-require-exp false accepts tokens without it)");
        }
        return verified;
    }

    static RSAPublicKey parsePem(String pem) {
        try {
            String b64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "invalid RS256 public key: expected a PEM 'PUBLIC KEY' block (" + e.getMessage() + ")", e);
        }
    }

    /** RSA keys from a JWKS document, fetched on first use of an unknown key id. */
    private static final class JwksKeys implements RSAKeyProvider {
        private final String url;
        private final Map<String, RSAPublicKey> keys = new ConcurrentHashMap<>();
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        JwksKeys(String url) {
            this.url = url;
        }

        @Override
        public RSAPublicKey getPublicKeyById(String kid) {
            String k = kid == null ? "" : kid;
            RSAPublicKey key = keys.get(k);
            if (key == null) {
                refresh();
                key = keys.get(k);
                if (key == null && kid == null && keys.size() == 1)
                    key = keys.values().iterator().next();
            }
            return key;
        }

        private synchronized void refresh() {
            try {
                HttpResponse<byte[]> r = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                JsonNode doc = Json.read(r.body());
                for (JsonNode k : doc.path("keys")) {
                    if (!"RSA".equals(k.path("kty").asText())) continue;
                    BigInteger n = new BigInteger(
                            1, Base64.getUrlDecoder().decode(k.path("n").asText()));
                    BigInteger e = new BigInteger(
                            1, Base64.getUrlDecoder().decode(k.path("e").asText()));
                    RSAPublicKey pk =
                            (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                    keys.put(k.path("kid").asText(""), pk);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Unreachable or malformed JWKS: the key stays unknown and verification fails with 401.
            }
        }

        @Override
        public RSAPrivateKey getPrivateKey() {
            return null;
        }

        @Override
        public String getPrivateKeyId() {
            return null;
        }
    }
}
