package io.mcremulator.server.control;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mcremulator.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A small Java client of the {@code /_emulator} control API, over {@code java.net.http}, for test code and for the
 * JUnit extension and Testcontainers module to wrap. Every method is one HTTP call; a non-2xx answer throws
 * {@link ControlApiException} with the status and body. JSON results come back as plain maps and lists.
 */
public final class ControlClient {
    private final String baseUrl;
    private final HttpClient http;
    private final String token;

    /** {@code baseUrl}: the emulator's base URL, e.g. {@code http://127.0.0.1:8080} ({@code McrEmulatorServer.baseUrl()}). */
    public ControlClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** {@code token}: the server's control token ({@code --control-token}), sent with every call; null when none. */
    public ControlClient(String baseUrl, String token) {
        this.token = token;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A non-2xx answer of the control API. */
    public static final class ControlApiException extends RuntimeException {
        private final int status;
        private final String body;

        ControlApiException(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    // ---- lifecycle and state

    /** Forgets state, fault rules and the journal (named snapshots stay). */
    public void reset() {
        send("POST", "/_emulator/reset", null);
    }

    public void resetTenant(String tenant) {
        send("POST", "/_emulator/reset?tenant=" + enc(tenant), null);
    }

    public void seed(String seedJson) {
        send("POST", "/_emulator/seed", seedJson);
    }

    /** The whole state as a version-1 seed document (JSON text). */
    public String export() {
        return send("GET", "/_emulator/export", null);
    }

    public String exportTenant(String tenant) {
        return send("GET", "/_emulator/export?tenant=" + enc(tenant), null);
    }

    /** Replaces the state (or the document's tenant) with {@code documentJson}, atomically. */
    public void importReplacing(String documentJson) {
        send("POST", "/_emulator/import", documentJson);
    }

    /**
     * An export with query parameters: {@code tenant} (one tenant's resources), {@code content=include} (manifests and
     * blob bytes too).
     */
    public String export(Map<String, String> params) {
        return send("GET", "/_emulator/export" + query(params), null);
    }

    /** {@code POST /_emulator/import} with query parameters: {@code mode} (replace, merge), {@code tenant}. */
    public void importDocument(String documentJson, Map<String, String> params) {
        send("POST", "/_emulator/import" + query(params), documentJson);
    }

    public void saveSnapshot(String name) {
        send("PUT", "/_emulator/snapshots/" + enc(name), null);
    }

    public void restoreSnapshot(String name) {
        send("POST", "/_emulator/snapshots/" + enc(name) + "/restore", null);
    }

    public void deleteSnapshot(String name) {
        send("DELETE", "/_emulator/snapshots/" + enc(name), null);
    }

    // ---- faults

    /** Adds a rule and returns its id. */
    public String addFault(FaultSpec spec) {
        return addFault(spec.toJson());
    }

    public String addFault(String ruleJson) {
        return (String) map(send("POST", "/_emulator/faults", ruleJson)).get("id");
    }

    public Map<String, Object> fault(String id) {
        return map(send("GET", "/_emulator/faults/" + enc(id), null));
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> faults() {
        return (List<Map<String, Object>>)
                map(send("GET", "/_emulator/faults", null)).get("faults");
    }

    public void removeFault(String id) {
        send("DELETE", "/_emulator/faults/" + enc(id), null);
    }

    public void clearFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    // ---- journal

    /** Journal entries matching {@code filters} (operationId, method, path, tenant, region, status, ...), oldest first. */
    public List<Map<String, Object>> requests(Map<String, String> filters) {
        return entries("/_emulator/requests", filters);
    }

    public List<Map<String, Object>> requests(String operationId) {
        return requests(Map.of("operationId", operationId));
    }

    /** Requests that matched no route: a test can fail when this is not empty. */
    public List<Map<String, Object>> unmatchedRequests() {
        return entries("/_emulator/requests/unmatched", Map.of());
    }

    public void clearRequests() {
        send("DELETE", "/_emulator/requests", null);
    }

    /** How many journal entries match {@code filters}: {@code count(Map.of("operationId", "createRegistry")) == 1}. */
    public int count(Map<String, String> filters) {
        return requests(filters).size();
    }

    /**
     * Fails with an {@link AssertionError} listing them when the code under test called routes the emulator does not
     * have (the JUnit extension calls this after each test when asked to).
     */
    public void assertNoUnmatchedRequests() {
        List<Map<String, Object>> unmatched = unmatchedRequests();
        if (unmatched.isEmpty()) return;
        StringBuilder sb = new StringBuilder(unmatched.size() + " request(s) matched no route of the emulator:");
        for (Map<String, Object> e : unmatched) {
            sb.append("\n  ").append(e.get("method")).append(' ').append(e.get("path"));
            if (e.get("query") != null) sb.append('?').append(e.get("query"));
            sb.append(" -> ").append(e.get("status"));
        }
        throw new AssertionError(sb.toString());
    }

    // ---- clock

    /** {@code {"now":"...","fixed":true|false,"controllable":true|false}} */
    public Map<String, Object> clock() {
        return map(send("GET", "/_emulator/clock", null));
    }

    public Instant now() {
        return Instant.parse((String) map(send("GET", "/_emulator/clock", null)).get("now"));
    }

    public void fixClock(Instant at) {
        send("POST", "/_emulator/clock/fix", "{\"at\":\"" + at + "\"}");
    }

    public void advanceClock(Duration by) {
        send("POST", "/_emulator/clock/advance", "{\"by\":\"" + by + "\"}");
    }

    public void resumeClock() {
        send("POST", "/_emulator/clock/resume", null);
    }

    // ---- scans: findings and progress (docs/control-api.md, "Scans")

    /** Sets what scans of a digest or a repository tag find (replacing the earlier rule for it). */
    public void putFindings(io.mcremulator.core.scan.FindingsRule rule) {
        putFindings(json(FindingsJson.write(rule)));
    }

    /** As {@link #putFindings(io.mcremulator.core.scan.FindingsRule)}, the rule given as JSON. */
    public void putFindings(String ruleJson) {
        send("PUT", "/_emulator/findings", ruleJson);
    }

    /** {@code {"findings":[...]}}: every rule, in the order they were set. */
    public Map<String, Object> findings() {
        return map(send("GET", "/_emulator/findings", null));
    }

    public void clearFindings() {
        send("DELETE", "/_emulator/findings", null);
    }

    /** Removes one rule by its key: a digest, or {@code registry/repository:tag}. */
    public void removeFindings(String key) {
        int colon = key.lastIndexOf(':');
        int slash = key.indexOf('/');
        String q = key.startsWith("sha") && slash < 0
                ? "digest=" + enc(key)
                : "registry=" + enc(key.substring(0, slash)) + "&repository=" + enc(key.substring(slash + 1, colon))
                        + "&tag=" + enc(key.substring(colon + 1));
        send("DELETE", "/_emulator/findings?" + q, null);
    }

    /** {@code pending_duration}, {@code running_duration}, {@code hold}, {@code fail_next}, {@code synthetic_findings}. */
    public Map<String, Object> scanSettings() {
        return map(send("GET", "/_emulator/scans/settings", null));
    }

    /** Changes the given scan settings only (same names as {@link #scanSettings()}). */
    public Map<String, Object> updateScanSettings(Map<String, Object> changes) {
        return map(send("PUT", "/_emulator/scans/settings", json(changes)));
    }

    /** The next {@code count} scans scheduled end {@code failed}. */
    public void failNextScans(int count) {
        send("POST", "/_emulator/scans/fail-next", "{\"count\":" + count + "}");
    }

    /** Completes every pending or running scan now, held ones included; returns how many. */
    public int completeAllScans() {
        return ((Number) map(send("POST", "/_emulator/scans/complete", null)).get("completed")).intValue();
    }

    // ---- coverage

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> operations() {
        return (List<Map<String, Object>>)
                map(send("GET", "/_emulator/operations", null)).get("operations");
    }

    // ---- plumbing

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String path, Map<String, String> filters) {
        return (List<Map<String, Object>>)
                map(send("GET", path + query(filters), null)).get("requests");
    }

    private static String query(Map<String, String> params) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        new LinkedHashMap<>(params).forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        return q.toString();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> map(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("control API answered invalid JSON: " + json, e);
        }
    }

    private String send(String method, String pathAndQuery, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) b.header(ControlGuard.TOKEN_HEADER, token);
        if (jsonBody != null) b.header("Content-Type", "application/json");
        b.method(
                method,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
        if (r.statusCode() / 100 != 2)
            throw new ControlApiException(method + " " + pathAndQuery, r.statusCode(), r.body());
        return r.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
