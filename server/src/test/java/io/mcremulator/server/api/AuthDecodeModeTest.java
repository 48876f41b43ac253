package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Default auth mode: Bearer JWT claims are read (not verified), X-API-Key accepted, scopes enforced when present. */
class AuthDecodeModeTest extends ApiTestBase {

    @Test
    void missingOrMalformedCredentialsAre401() {
        assertError(anonymous().get("/v0/registries"), 401, "unauthorized");
        for (String header : List.of(
                "Basic dXNlcjpwYXNz",
                "Bearer",
                "Bearer    ",
                "Bearer not-a-jwt",
                "Token abc",
                "eyJhbGciOiJIUzI1NiJ9")) {
            assertError(anonymous().header("Authorization", header).get("/v0/registries"), 401, "unauthorized");
        }
        String noTenant = JWT.create().withSubject("u").sign(Algorithm.HMAC256("k"));
        Response r = anonymous().header("Authorization", "Bearer " + noTenant).get("/v0/registries");
        assertError(r, 401, "unauthorized");
        r.then().body("message", containsString("tenant"));
        String noSub =
                JWT.create().withClaim("tenant", "T." + UUID.randomUUID()).sign(Algorithm.HMAC256("k"));
        assertError(anonymous().header("Authorization", "Bearer " + noSub).get("/v0/registries"), 401, "unauthorized");
        String emptyTenant =
                JWT.create().withClaim("tenant", "T.").withSubject("u").sign(Algorithm.HMAC256("k"));
        assertError(
                anonymous().header("Authorization", "Bearer " + emptyTenant).get("/v0/registries"),
                401,
                "unauthorized");
        assertError(anonymous().header("X-API-Key", "not-a-uuid").get("/v0/registries"), 401, "unauthorized");
    }

    @Test
    void tenantIsThePartAfterTheFirstDotSubIsTheUserAndEmailComesFromTheToken() {
        String tenant = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        String tokenA = JWT.create()
                .withClaim("tenant", "IDP_PERSONAL." + tenant)
                .withSubject(user)
                .withClaim("email", "jane@example.com")
                .sign(Algorithm.HMAC256("any"));
        String tokenB = JWT.create()
                .withClaim("tenant", "OTHER_TYPE." + tenant)
                .withSubject(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256("other"));
        String id = anonymous()
                .header("Authorization", "Bearer " + tokenA)
                .contentType("application/json")
                .body(Map.of("name", uniqueName("claims")))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        anonymous()
                .header("Authorization", "Bearer " + tokenB)
                .get("/v0/registries/" + id)
                .then()
                .statusCode(200);
        anonymous()
                .header("Authorization", "Bearer " + tokenA)
                .get("/v0/credentials")
                .then()
                .body("username", equalTo(user))
                .body("email", equalTo("jane@example.com"));
        // "bearer" in any case, as some clients send it
        anonymous()
                .header("Authorization", "bearer " + tokenA)
                .get("/v0/registries/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void expiredTokensAreAcceptedWhenSignaturesAreNotVerified() {
        String t = JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject("u")
                .withExpiresAt(Instant.now().minusSeconds(3600))
                .sign(Algorithm.HMAC256("k"));
        anonymous()
                .header("Authorization", "Bearer " + t)
                .get("/v0/registries")
                .then()
                .statusCode(200);
    }

    @Test
    void readScopeAllowsReadsOnly() {
        Caller reader = Caller.random("openid mcr.read");
        as(reader).get("/v0/registries").then().statusCode(200);
        as(reader).get("/v0/credentials").then().statusCode(200);
        as(reader)
                .contentType("application/json")
                .body(Map.of(
                        "provider",
                        "docker-hub",
                        "url",
                        "https://hub.docker.com",
                        "access_key",
                        "k",
                        "access_secret",
                        "s"))
                .post("/v0/proxy-caches/status")
                .then()
                .statusCode(200);
        Response w = as(reader)
                .contentType("application/json")
                .body(Map.of("name", uniqueName("ro")))
                .post("/v0/registries");
        assertError(w, 403, "forbidden");
        w.then().body("message", containsString("mcr.write"));
        assertError(as(reader).post("/v0/credentials/password"), 403, "forbidden");
        assertError(as(reader).delete("/v0/proxy-caches/" + UUID.randomUUID()), 403, "forbidden");
    }

    @Test
    void writeScopeAllowsWritesOnlyAndImageDeleteNeedsBoth() {
        Caller writer = Caller.random("mcr.write");
        String id = as(writer)
                .contentType("application/json")
                .body(Map.of("name", uniqueName("wo")))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertError(as(writer).get("/v0/registries"), 403, "forbidden");
        assertError(as(writer).get("/v0/registries/" + id), 403, "forbidden");
        String img = "/v1/registries/" + id + "/repositories/" + UUID.randomUUID() + "/images/latest";
        assertError(as(writer).delete(img), 403, "forbidden");
        Caller both = new Caller(
                writer.tenantId(),
                writer.userId(),
                writer.email(),
                Caller.jwt(writer.tenantId(), writer.userId(), writer.email(), "mcr.read mcr.write"));
        assertError(as(both).delete(img), 404, "not_found"); // past the scope check, the repository is unknown
        as(writer).delete("/v0/registries/" + id).then().statusCode(204);
    }

    @Test
    void aTokenWithUnrelatedScopesIsForbiddenEverywhere() {
        Caller other = Caller.random("openid profile");
        assertError(as(other).get("/v0/registries"), 403, "forbidden");
        assertError(as(other).get("/v0/credentials"), 403, "forbidden");
    }

    @Test
    void scopeClaimAsAListIsRead() {
        String t = JWT.create()
                .withClaim("tenant", "T." + UUID.randomUUID())
                .withSubject("u")
                .withClaim("scope", List.of("mcr.read"))
                .sign(Algorithm.HMAC256("k"));
        anonymous()
                .header("Authorization", "Bearer " + t)
                .get("/v0/registries")
                .then()
                .statusCode(200);
        assertError(
                anonymous().header("Authorization", "Bearer " + t).post("/v0/credentials/password"), 403, "forbidden");
    }

    @Test
    void apiKeyIsItsOwnTenantAndUserByDefault() {
        String key = UUID.randomUUID().toString();
        String id = anonymous()
                .header("X-API-Key", key)
                .contentType("application/json")
                .body(Map.of("name", uniqueName("key")))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        anonymous().header("X-API-Key", key).get("/v0/registries/" + id).then().statusCode(200);
        assertError(
                anonymous().header("X-API-Key", UUID.randomUUID().toString()).get("/v0/registries/" + id),
                404,
                "not_found");
        anonymous().header("X-API-Key", key).get("/v0/credentials").then().body("username", equalTo(key));
        // The API key is the tenant id: a JWT of that tenant sees the same registry.
        Caller sameTenant =
                new Caller(key, "someone", "s@example.com", Caller.jwt(key, "someone", "s@example.com", null));
        as(sameTenant).get("/v0/registries/" + id).then().statusCode(200);
    }

    @Test
    void seededApiKeysMapToTheirUsersTenant() {
        Caller c = Caller.random();
        String key = UUID.randomUUID().toString();
        seed(Map.of(
                "users",
                List.of(Map.of(
                        "tenant",
                        c.tenantId(),
                        "id",
                        c.userId(),
                        "email",
                        c.email(),
                        "api_key",
                        key,
                        "password",
                        "seeded-password"))));
        String id = createRegistry(c, uniqueName("mapped"));
        anonymous().header("X-API-Key", key).get("/v0/registries/" + id).then().statusCode(200);
        anonymous()
                .header("X-API-Key", key)
                .get("/v0/credentials")
                .then()
                .body("username", equalTo(c.userId()))
                .body("password", equalTo("seeded-password"))
                .body("email", equalTo(c.email()));
    }

    @Test
    void bearerTakesPrecedenceOverApiKey() {
        Caller c = Caller.random();
        String id = createRegistry(c, uniqueName("prec"));
        anonymous()
                .header("Authorization", c.bearer())
                .header("X-API-Key", UUID.randomUUID().toString())
                .get("/v0/registries/" + id)
                .then()
                .statusCode(200);
    }
}
