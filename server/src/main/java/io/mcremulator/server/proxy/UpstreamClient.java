package io.mcremulator.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.server.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls a proxy cache's upstream registry the way docker does (JDK HttpClient, HTTP/1.1): anonymously first; on a
 * 401 it follows the {@code WWW-Authenticate} challenge, Basic with the cache's {@code access_key}/{@code
 * access_secret}, or Bearer by asking the challenge's {@code realm} for a token for its {@code service} and
 * {@code scope} (with the credentials as Basic, when there are any). The scheme an upstream asked for and the tokens
 * it gave are remembered, so later calls authenticate at once. Every call goes past the {@link UpstreamObserver}.
 */
final class UpstreamClient {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final String USER_AGENT = "mcr-emulator-proxy-cache";

    /** A proxy cache's credentials; an empty key means anonymous. */
    record Credentials(String key, String secret) {
        boolean present() {
            return key != null && !key.isEmpty();
        }

        /** Tells credential pairs apart (a changed secret must not reuse a token); kept in memory only. */
        String identity() {
            return present() ? basic() : "";
        }

        String basic() {
            String pair = key + ":" + (secret == null ? "" : secret);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Who calls whom: the upstream, the cache's credentials, the repository (token scope) and the journal's labels. */
    record Target(UpstreamEndpoint endpoint, Credentials credentials, String repository, String tenant, String region) {
        String scope() {
            return repository == null ? null : "repository:" + repository + ":pull";
        }
    }

    /** An upstream answer; close it to release the connection. */
    record Response(int status, HttpHeaders headers, InputStream body) implements AutoCloseable {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        long contentLength() {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // the connection is dropped; nothing to keep
            }
        }
    }

    private record Token(String value, long expiresAtNanos) {}

    /**
     * Built on the first upstream call: the JDK HttpClient loads its TLS stack (~900 classes, ~0.1 s) when built, which
     * a server that never proxies should not pay at start (bench/notes.md).
     */
    private volatile HttpClient http;

    private final ProxySettings settings;
    private volatile UpstreamObserver observer = UpstreamObserver.NONE;
    /** upstream base + credentials -> the last challenge it sent. */
    private final Map<String, String> challenges = new ConcurrentHashMap<>();

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    UpstreamClient(ProxySettings settings) {
        this.settings = settings;
    }

    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                h = http;
                if (h == null) {
                    h = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(settings.timeout())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    http = h;
                }
            }
        }
        return h;
    }

    void observer(UpstreamObserver o) {
        this.observer = o == null ? UpstreamObserver.NONE : o;
    }

    ProxySettings settings() {
        return settings;
    }

    /**
     * {@code method} {@code path} on the upstream, authenticated as its challenge asks.
     *
     * @throws UpstreamException when the upstream cannot be reached, times out, or refuses the credentials at its
     *                           token endpoint; error statuses of the call itself come back as a {@link Response}
     */
    Response send(Target t, String operationId, String method, String path, List<String> accept) {
        URI uri = t.endpoint().uri(path);
        String known = challenges.get(challengeKey(t));
        String auth = known == null ? null : authorization(t, known, false);
        Response r = exchange(t, operationId, method, uri, accept, auth);
        if (r.status() != 401) return r;
        String challenge = r.header("WWW-Authenticate");
        r.close();
        if (challenge == null) return emptied(r);
        challenges.put(challengeKey(t), challenge);
        // a remembered token the upstream no longer takes (expired early, revoked) is replaced by a fresh one
        String again = authorization(t, challenge, auth != null);
        if (again == null || again.equals(auth)) return emptied(r);
        return exchange(t, operationId, method, uri, accept, again);
    }

    /** The Authorization header a challenge asks for; null when it cannot be answered (Basic without credentials). */
    private String authorization(Target t, String challenge, boolean fresh) {
        String scheme = challenge.trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (scheme.equals("basic"))
            return t.credentials().present() ? t.credentials().basic() : null;
        if (scheme.equals("bearer")) return "Bearer " + token(t, params(challenge), fresh);
        return null;
    }

    /** A token from the challenge's realm for its service and scope (cached until it expires). */
    private String token(Target t, Map<String, String> p, boolean fresh) {
        String realm = p.get("realm");
        if (realm == null || realm.isBlank()) {
            throw UpstreamException.unavailable(
                    "the upstream " + t.endpoint().base() + " asked for a Bearer token without naming a realm", null);
        }
        String scope = p.getOrDefault("scope", t.scope());
        String service = p.get("service");
        String key = realm + "|" + service + "|" + scope + "|" + t.credentials().identity();
        Token cached = tokens.get(key);
        if (!fresh && cached != null && cached.expiresAtNanos() - System.nanoTime() > 0) return cached.value();
        StringBuilder q = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (service != null) q.append("service=").append(enc(service));
        if (scope != null) q.append(service != null ? "&" : "").append("scope=").append(enc(scope));
        URI uri = URI.create(q.toString());
        checkRealm(t, uri);
        String auth = t.credentials().present() ? t.credentials().basic() : null;
        try (Response r = exchange(t, "upstreamToken", "GET", uri, List.of("application/json"), auth)) {
            if (r.status() == 401 || r.status() == 403) {
                throw UpstreamException.status(
                        401,
                        "the upstream's token service " + realm + " refused "
                                + (t.credentials().present()
                                        ? "the proxy cache's credentials (access_key '"
                                                + t.credentials().key() + "')"
                                        : "an anonymous token request: the proxy cache has no credentials")
                                + " (HTTP " + r.status() + ")");
            }
            if (r.status() != 200) {
                throw UpstreamException.status(
                        r.status() >= 500 ? r.status() : 502,
                        "the upstream's token service " + realm + " answered HTTP " + r.status());
            }
            JsonNode body = Json.read(r.body().readNBytes(1024 * 1024));
            String value = body.path("token").asText(body.path("access_token").asText(""));
            if (value.isEmpty()) {
                throw UpstreamException.unavailable(
                        "the upstream's token service " + realm + " answered without a token", null);
            }
            long ttl = Math.max(1, body.path("expires_in").asLong(60)) - 1;
            tokens.put(
                    key,
                    new Token(value, System.nanoTime() + Duration.ofSeconds(ttl).toNanos()));
            return value;
        } catch (IOException e) {
            throw UpstreamException.unavailable(
                    "the upstream's token service " + realm + " sent an unreadable answer: " + e.getMessage(), e);
        }
    }

    /** A realm over plain HTTP is only followed on loopback or when the upstream itself is mapped. */
    private static void checkRealm(Target t, URI realm) {
        boolean plain = "http".equalsIgnoreCase(realm.getScheme());
        String host = realm.getHost() == null ? "" : realm.getHost();
        if (plain && !t.endpoint().mapped() && !UpstreamEndpoint.isLoopback(host)) {
            throw UpstreamException.unavailable(
                    "the upstream's token realm " + realm + " is plain HTTP on a non-loopback host; refused", null);
        }
    }

    private Response exchange(
            Target t, String operationId, String method, URI uri, List<String> accept, String authorization) {
        UpstreamObserver.Call call = new UpstreamObserver.Call(operationId, method, uri, t.tenant(), t.region());
        UpstreamObserver.Fault fault = observer.before(call);
        long start = System.nanoTime();
        try {
            if (fault.delayMs() > 0) {
                long timeout = settings.timeout().toMillis();
                Thread.sleep(Math.min(fault.delayMs(), timeout));
                if (fault.delayMs() >= timeout) throw new HttpTimeoutException("request timed out");
            }
            if (fault.drop()) throw new IOException("connection dropped (fault rule " + fault.ruleIds() + ")");
            if (fault.status() != null) {
                byte[] body = Json.write(Map.of(
                        "errors",
                        List.of(Map.of(
                                "code",
                                "INJECTED",
                                "message",
                                fault.message() != null ? fault.message() : "injected fault " + fault.ruleIds()))));
                observer.after(call, fault.status(), ms(start), fault, null);
                return new Response(
                        fault.status(),
                        HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true),
                        new java.io.ByteArrayInputStream(body));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", USER_AGENT);
            if (accept != null && !accept.isEmpty()) b.header("Accept", String.join(", ", accept));
            if (authorization != null) b.header("Authorization", authorization);
            HttpResponse<InputStream> resp = http().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            observer.after(call, resp.statusCode(), ms(start), fault, null);
            return new Response(resp.statusCode(), resp.headers(), resp.body());
        } catch (HttpTimeoutException e) {
            observer.after(call, 0, ms(start), fault, "timeout");
            throw UpstreamException.timeout("the upstream " + t.endpoint().base() + " did not answer " + method + " "
                    + uri.getRawPath() + " within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            observer.after(call, 0, ms(start), fault, String.valueOf(e.getMessage()));
            throw UpstreamException.unavailable(
                    "the upstream " + t.endpoint().base() + " cannot be reached (" + method + " " + uri.getRawPath()
                            + "): " + describe(e),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observer.after(call, 0, ms(start), fault, "interrupted");
            throw UpstreamException.unavailable(
                    "interrupted while calling the upstream " + t.endpoint().base(), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) return "connection refused";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static Response emptied(Response r) {
        return new Response(r.status(), r.headers(), InputStream.nullInputStream());
    }

    private static String challengeKey(Target t) {
        return t.endpoint().base() + "|" + t.credentials().identity();
    }

    static Map<String, String> params(String challenge) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = challenge.trim().split("\\s+", 2);
        if (parts.length < 2) return out;
        Matcher m = PARAM.matcher(parts[1]);
        while (m.find()) out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        return out;
    }

    private static double ms(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
