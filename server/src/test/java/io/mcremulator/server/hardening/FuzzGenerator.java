package io.mcremulator.server.hardening;

import io.mcremulator.server.operation.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes malformed requests from one seeded {@link Random}: the same seed gives the same sequence, so a failure
 * replays with {@code -Dmcr.fuzz.seed=...}. Every route of the table is a starting point (management, /v2, the token
 * endpoint, /_emulator); each request bends some of its parts: path parameters, method, query, auth, content type,
 * body; one in six is raw bytes (broken framing) over a socket.
 */
final class FuzzGenerator {
    /** What the generator knows of the seeded state, so some requests get past authentication and lookups. */
    record Known(
            List<String> registryIds,
            List<String> registryNames,
            List<String> repositoryIds,
            List<String> repositoryNames,
            List<String> digests,
            List<String> proxyCacheIds,
            String bearer,
            String apiKey,
            String basic) {}

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO"
    };
    private static final String[] GARBAGE = {
        "",
        "%u002e",
        "%u0041%u0042",
        "..",
        "%2e%2e",
        "%2F",
        "%00",
        "%ff%fe",
        "%C0%AE",
        "a%20b",
        "%E2%80%AE",
        "%F0%9F%98%80",
        "x".repeat(300),
        "-1",
        "0",
        "9223372036854775808",
        "null",
        "undefined",
        "sha256:",
        "sha256:zz",
        "sha256:" + "0".repeat(64),
        "sha512:abc",
        "latest",
        "UPPER",
        "a..b",
        "%3B",
        ";x=1",
        "%%",
        "%",
        "%5",
        "~",
        "*",
        "_catalog",
        "%EF%BC%91",
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=foo",
        "application/json; charset=\"\"",
        "text/plain",
        "text/plain; charset=ISO-8859-1",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=foo",
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "application/octet-stream",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "*/*",
        ";;;",
        "application/json; boundary",
        "",
    };
    private static final String[] QUERY_NAMES = {
        "_limit",
        "_offset",
        "_sort",
        "expand",
        "_expand",
        "name",
        "n",
        "last",
        "tenant",
        "digest",
        "mount",
        "from",
        "content",
        "mode",
        "operationId",
        "status",
        "scope",
        "service",
        "api",
        "bodyContains",
        "x"
    };
    private static final String[] QUERY_VALUES = {
        "1",
        "0",
        "-1",
        "2147483647",
        "2147483648",
        "99999999999999999999",
        "%EF%BC%91",
        "%D9%A1",
        "+5",
        "1e3",
        "0x10",
        "",
        "name:asc",
        "name:sideways",
        "nope:asc",
        "name:asc,created_at:desc",
        "tags_details",
        "bogus",
        "%u0041",
        "%",
        "%zz",
        "a%00b",
        "repository:x:pull",
        "sha256:" + "a".repeat(64),
        "x".repeat(2000),
        "true",
        "reference",
        "merge",
    };

    private final Random r;
    private final Known known;
    private final List<Operation> operations;

    FuzzGenerator(Random r, Known known, List<Operation> operations) {
        this.r = r;
        this.known = known;
        this.operations = operations;
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    FuzzRequest next() {
        Operation op = pick(operations);
        String family = switch (op.kind()) {
            case MANAGEMENT -> "management";
            case CONTROL -> "control";
            case OCI -> op.path().startsWith("/service/token") ? "token" : "v2";
        };
        String path = path(op);
        String target = path + query();
        if (chance(16)) return raw(family, op, target);
        String method = chance(75) ? op.method() : pick(METHODS);
        List<String[]> headers = new ArrayList<>();
        auth(op, headers);
        if (chance(70)) {
            String ct = pick(CONTENT_TYPES);
            if (!ct.isEmpty()) headers.add(new String[] {"Content-Type", ct});
        }
        if (chance(10))
            headers.add(new String[] {"Accept", pick(CONTENT_TYPES).isEmpty() ? "*/*" : pick(CONTENT_TYPES)});
        if (chance(8)) headers.add(new String[] {"X-Request-ID", chance(50) ? "" : "id-" + r.nextInt(1000)});
        if (chance(8)) headers.add(new String[] {"Origin", chance(50) ? "null" : "http://evil.example"});
        if (chance(5)) headers.add(new String[] {"Range", pick(new String[] {"bytes=0-", "bytes=5-1", "0-", "x"})});
        if (chance(5))
            headers.add(
                    new String[] {"Content-Range", pick(new String[] {"0-0", "5-1", "x", "0-99999999999999999999"})});
        byte[] body = method.equals("GET") || method.equals("HEAD") ? (chance(10) ? body() : null) : body();
        return FuzzRequest.http(family, method, target, headers, body, op.operationId());
    }

    private String path(Operation op) {
        String p = op.path();
        if (chance(60) && op.servedPaths().size() > 1) p = pick(op.servedPaths());
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '{' || c == '<') {
                int end = p.indexOf(c == '{' ? '}' : '>', i);
                out.append(param(p.substring(i + 1, end)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String s = out.toString();
        if (chance(5)) s = s + "/";
        if (chance(4)) s = s + "/" + pick(GARBAGE);
        if (chance(3)) s = s.toUpperCase();
        if (chance(3)) s = s.replace("/", "//");
        return s.isEmpty() ? "/" : s;
    }

    private String param(String name) {
        if (chance(35)) return pick(GARBAGE);
        return switch (name) {
            case "region" -> pick(new String[] {"br-se1", "br-ne1", "br-se-1", "br-mgl1", "us-east-1", "BR-SE1"});
            case "registry_id" ->
                chance(70) ? pick(known.registryIds()) : UUID.randomUUID().toString();
            case "repository_id" ->
                chance(70) ? pick(known.repositoryIds()) : UUID.randomUUID().toString();
            case "proxy_cache_id" ->
                chance(70) ? pick(known.proxyCacheIds()) : UUID.randomUUID().toString();
            case "digest_or_tag", "reference", "digest" -> chance(50) ? pick(known.digests()) : "latest";
            case "repository_path" ->
                pick(known.repositoryNames())
                        + pick(new String[] {"", "/images", "/images/latest", "/images/" + pick(known.digests()), "/x/y"
                        });
            case "name" -> pick(known.registryNames()) + "/" + pick(known.repositoryNames());
            default -> "fuzz-" + r.nextInt(5);
        };
    }

    private String query() {
        if (!chance(40)) return "";
        StringBuilder q = new StringBuilder("?");
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) q.append('&');
            q.append(pick(QUERY_NAMES)).append('=').append(pick(QUERY_VALUES));
        }
        if (chance(10)) q.append("&&=&=x&_limit");
        return q.toString();
    }

    private void auth(Operation op, List<String[]> headers) {
        int roll = r.nextInt(100);
        if (op.kind() == Operation.Kind.OCI) {
            if (roll < 55) headers.add(new String[] {"Authorization", "Basic " + known.basic()});
            else if (roll < 65) headers.add(new String[] {"Authorization", "Basic " + b64(pick(GARBAGE))});
            else if (roll < 75) headers.add(new String[] {"Authorization", "Bearer " + pick(GARBAGE)});
            else if (roll < 80) headers.add(new String[] {"Authorization", "Basic"});
            return;
        }
        if (roll < 50) headers.add(new String[] {"Authorization", known.bearer()});
        else if (roll < 60) headers.add(new String[] {"X-API-Key", known.apiKey()});
        else if (roll < 65) headers.add(new String[] {"X-API-Key", pick(GARBAGE)});
        else if (roll < 80) headers.add(new String[] {"Authorization", "Bearer " + jwt()});
        else if (roll < 85)
            headers.add(new String[] {
                "Authorization", pick(new String[] {"Bearer", "Bearer ", "Basic x", "bearer a.b.c", "Bearer ..."})
            });
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String jwt() {
        String[] headers = {
            "{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "null", "[]", "{\"alg\":\"none\",\"crit\":[\"x\"]}", "{", ""
        };
        String[] payloads = {
            "null",
            "[]",
            "7",
            "\"s\"",
            "{}",
            "{\"tenant\":null,\"sub\":\"u\"}",
            "{\"tenant\":\"T.\",\"sub\":\"u\"}",
            "{\"tenant\":\"T.x\",\"sub\":null}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"scope\":[null]}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"scope\":{}}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"scope\":7}",
            "{\"tenant\":[\"T.x\"],\"sub\":\"u\"}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"exp\":\"soon\"}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"exp\":1e400}",
            "{\"tenant\":\"T.x\",\"sub\":\"u\",\"email\":{}}",
            "{",
        };
        String token = b64(pick(headers)) + "." + b64(pick(payloads)) + "." + (chance(50) ? "" : b64("sig"));
        if (chance(10)) token = token.replace('.', chance(50) ? '!' : '%');
        return token;
    }

    private byte[] body() {
        int kind = r.nextInt(14);
        String s = switch (kind) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "{";
            case 3 ->
                "{\"name\":"
                        + pick(new String[] {
                            "null", "1", "[]", "{}", "\"\"", "\"UPPER\"", "\"" + "a".repeat(300) + "\"", "\"ok-name\""
                        })
                        + "}";
            case 4 -> "[".repeat(2000) + "]".repeat(r.nextInt(2) * 2000);
            case 5 -> "{\"a\":1e999999}";
            case 6 -> "{\"seconds\":9223372036854775807,\"by\":\"P9999999999D\",\"at\":\"+10000-01-01T00:00:00Z\"}";
            case 7 -> "{\"registries\":[{\"tenant\":null,\"name\":7}],\"users\":[{}],\"api_keys\":[null]}";
            case 8 ->
                "{\"provider\":\"docker-hub\",\"url\":\"ftp://x\",\"access_key\":null,\"access_secret\":7,\"name\":\"\"}";
            case 9 -> "{\"status\":\"x\",\"delayMs\":-1,\"operationId\":\"nope\",\"probability\":2}";
            case 10 -> "\u0000\u0001\u0002\uFFFD binary \u00ff";
            case 11 ->
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"digest\":\"sha256:zz\",\"size\":-1},\"layers\":[{}]}";
            case 12 -> "grant_type=password&username=%zz&password=" + pick(GARBAGE);
            default ->
                "{\"name\":\"fuzz-" + r.nextInt(1_000_000) + "\",\"description\":" + (chance(50) ? "null" : "{}")
                        + ",\"extra\":true}";
        };
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Broken framing that no client library sends, over a socket. */
    private FuzzRequest raw(String family, Operation op, String target) {
        String auth = op.kind() == Operation.Kind.OCI
                ? "Authorization: Basic " + known.basic() + "\r\n"
                : "Authorization: " + known.bearer() + "\r\n";
        String m = op.method().equals("GET") || op.method().equals("HEAD") ? "POST" : op.method();
        String head =
                m + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Type: application/json\r\n";
        int kind = r.nextInt(16);
        String text = switch (kind) {
            case 0 -> head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
            case 1 -> head + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"name\":\"x\"";
            case 2 -> head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"nam\r\n";
            case 3 -> head + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\nabc\r\n0\r\n\r\n";
            case 4 -> head + "Content-Length: 100\r\n\r\n{\"name\":";
            case 5 -> head + "Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}";
            case 6 -> head + "Content-Length: -1\r\n\r\n{}";
            case 7 -> head + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 8 -> head + "X-Long: " + "a".repeat(20_000) + "\r\n\r\n";
            case 9 -> head + "Bad Header Line\r\n\r\n";
            case 10 -> head + "X-Folded: a\r\n b\r\n\r\n";
            case 11 -> m + " " + target + " HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n";
            case 12 -> m + " " + target + " HTTP/1.0\r\n" + auth + "\r\n";
            case 13 -> "GET http://127.0.0.1" + target + " HTTP/1.1\r\nHost: other.example\r\n" + auth + "\r\n";
            case 14 ->
                m + " " + target.replace("/", "/%u002e/").substring("/%u002e".length())
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\n";
            default -> head + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        };
        String sent = text.substring(text.indexOf(' ') + 1, text.indexOf(' ', text.indexOf(' ') + 1));
        if (sent.startsWith("http://127.0.0.1")) sent = sent.substring("http://127.0.0.1".length());
        // kind 11: no HTTP/1.x request line, so no plane to speak of: either error format is accepted
        return FuzzRequest.raw(
                kind == 11 ? "any" : family,
                sent,
                text.getBytes(StandardCharsets.ISO_8859_1),
                "raw-" + kind + " " + op.operationId() + " (" + family + ")");
    }
}
