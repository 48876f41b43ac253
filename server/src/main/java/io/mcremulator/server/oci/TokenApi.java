package io.mcremulator.server.oci;

import io.mcremulator.core.Credentials;
import io.mcremulator.server.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /service/token} (Harbor-style): HTTP Basic with the pair of {@code GET /v0/credentials} gives an
 * opaque bearer token. {@code scope} (repeated), {@code service}, {@code account}, {@code client_id} and
 * {@code offline_token} are accepted; access is checked per request, so the token covers every scope the user
 * may use.
 */
public final class TokenApi {
    private final RegistryTokens tokens;
    private final OciAuth auth;

    public TokenApi(RegistryTokens tokens, OciAuth auth) {
        this.tokens = tokens;
        this.auth = auth;
    }

    public void token(OciCall c) throws Exception {
        String header = c.ctx().header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new OciAuth.Unauthorized(
                    "the token endpoint needs HTTP Basic credentials: the username and password of GET /v0/credentials");
        }
        answer(c, auth.basic(header.substring(6).trim(), c.engine().credentials()));
    }

    /**
     * {@code POST /service/token}, the OAuth2 form of the docker token spec: {@code grant_type=password} with
     * {@code username} and {@code password}. No refresh tokens are issued, so {@code refresh_token} grants fail.
     */
    public void tokenForm(OciCall c) throws Exception {
        String grant = c.ctx().formParam("grant_type");
        if (!"password".equals(grant)) {
            throw new OciAuth.Unauthorized(
                    "unsupported grant_type '" + grant + "': use grant_type=password with username and password");
        }
        String user = c.ctx().formParam("username");
        String password = c.ctx().formParam("password");
        Credentials.Login login = c.engine()
                .credentials()
                .login(user == null ? "" : user, password)
                .orElseThrow(() -> new OciAuth.Unauthorized(
                        "incorrect username or password: use the pair of GET /v0/credentials"));
        answer(c, login);
    }

    private void answer(OciCall c, Credentials.Login login) throws Exception {
        RegistryTokens.Issued t = tokens.issue(login);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", t.token());
        body.put("access_token", t.token());
        body.put("expires_in", t.ttl().getSeconds());
        body.put("issued_at", Json.time(t.issuedAt()));
        OciResponses.json(c.ctx(), 200, "application/json", body);
    }
}
