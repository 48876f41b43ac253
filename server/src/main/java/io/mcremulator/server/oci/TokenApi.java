package io.mcremulator.server.oci;

import io.mcremulator.core.Credentials;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.Json;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
        Map<String, String> form = form(c);
        String grant = form.get("grant_type");
        if (!"password".equals(grant)) {
            throw new OciAuth.Unauthorized(
                    "unsupported grant_type '" + grant + "': use grant_type=password with username and password");
        }
        String user = form.get("username");
        String password = form.get("password");
        Credentials.Login login = c.engine()
                .credentials()
                .login(user == null ? "" : user, password)
                .orElseThrow(() -> new OciAuth.Unauthorized(
                        "incorrect username or password: use the pair of GET /v0/credentials"));
        answer(c, login);
    }

    /** Bodies of the token form are small; a larger one is refused (413) rather than buffered. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    /**
     * The {@code application/x-www-form-urlencoded} body (UTF-8 unless the Content-Type names another charset the JDK knows; the first value of each field), read here rather
     * than by the servlet layer, so another media type (multipart), an unknown charset or a broken escape is a
     * clear 4xx instead of a parser exception.
     */
    private static Map<String, String> form(OciCall c) {
        String type = c.ctx().header("Content-Type"); // as sent: the servlet API would parse the charset itself
        Charset charset = StandardCharsets.UTF_8;
        if (type != null && !type.isBlank()) {
            String[] parts = type.split(";", -1); // ";;;" too: its media type is the empty first part
            if (!parts[0].trim().equalsIgnoreCase("application/x-www-form-urlencoded")) {
                throw new EmulatorException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported media type '" + parts[0].trim()
                                + "': the token form must be application/x-www-form-urlencoded",
                        Map.of());
            }
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (!p.regionMatches(true, 0, "charset=", 0, 8)) continue;
                String cs = p.substring(8).replace("\"", "").trim();
                try {
                    charset = Charset.forName(cs);
                } catch (IllegalArgumentException e) { // unknown or illegal charset name
                    throw new EmulatorException(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported charset '" + cs + "' in Content-Type: send the token form as UTF-8",
                            Map.of());
                }
            }
        }
        String body = new String(BodyReader.read(c.ctx(), MAX_FORM_BYTES), charset);
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw new EmulatorException(
                        ErrorCode.BAD_REQUEST, "invalid token form: a malformed percent-escape in '" + pair + "'");
            }
        }
        return out;
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
