package io.mcremulator.client;

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
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link EmulatorControl} over HTTP ({@code java.net.http}, no JSON library): for an emulator in a container or
 * another process. Every method is one call to {@code /_emulator}.
 */
public final class HttpEmulatorControl implements EmulatorControl {
    private final String baseUrl;
    private final Map<String, String> headers;
    private final HttpClient http;

    /** {@code baseUrl}: the emulator's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public HttpEmulatorControl(String baseUrl) {
        this(baseUrl, Map.of());
    }

    /** With headers sent on every call (e.g. a control token). */
    public HttpEmulatorControl(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.headers = Map.copyOf(headers);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void reset() {
        send("POST", "/_emulator/reset", null);
    }

    @Override
    public void resetTenant(String tenantId) {
        send("POST", "/_emulator/reset" + query(Map.of("tenant", tenantId)), null);
    }

    @Override
    public void seed(String seedJson) {
        send("POST", "/_emulator/seed", seedJson);
    }

    @Override
    public String export(Map<String, String> params) {
        return send("GET", "/_emulator/export" + query(params), null);
    }

    @Override
    public void importDocument(String documentJson, Map<String, String> params) {
        send("POST", "/_emulator/import" + query(params), documentJson);
    }

    @Override
    public void saveSnapshot(String name) {
        send("PUT", "/_emulator/snapshots/" + enc(name), null);
    }

    @Override
    public void restoreSnapshot(String name) {
        send("POST", "/_emulator/snapshots/" + enc(name) + "/restore", null);
    }

    @Override
    public void deleteSnapshot(String name) {
        send("DELETE", "/_emulator/snapshots/" + enc(name), null);
    }

    @Override
    public List<SnapshotInfo> snapshots() {
        return list(object("GET", "/_emulator/snapshots", null).get("snapshots"), SnapshotInfo::of);
    }

    @Override
    public String addFault(String ruleJson) {
        return (String) object("POST", "/_emulator/faults", ruleJson).get("id");
    }

    @Override
    public ActiveFault fault(String id) {
        return ActiveFault.of(object("GET", "/_emulator/faults/" + enc(id), null));
    }

    @Override
    public List<ActiveFault> faults() {
        return list(object("GET", "/_emulator/faults", null).get("faults"), ActiveFault::of);
    }

    @Override
    public void removeFault(String id) {
        send("DELETE", "/_emulator/faults/" + enc(id), null);
    }

    @Override
    public void clearFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    @Override
    public List<RecordedRequest> requests(Map<String, String> filters) {
        return list(object("GET", "/_emulator/requests" + query(filters), null).get("requests"), RecordedRequest::of);
    }

    @Override
    public List<RecordedRequest> unmatchedRequests() {
        return list(object("GET", "/_emulator/requests/unmatched", null).get("requests"), RecordedRequest::of);
    }

    @Override
    public void clearRequests() {
        send("DELETE", "/_emulator/requests", null);
    }

    @Override
    public ClockState clock() {
        return ClockState.of(object("GET", "/_emulator/clock", null));
    }

    @Override
    public ClockState fixClock(Instant at) {
        return ClockState.of(object("POST", "/_emulator/clock/fix", Json.write(Map.of("at", at.toString()))));
    }

    @Override
    public ClockState advanceClock(Duration by) {
        return ClockState.of(object("POST", "/_emulator/clock/advance", Json.write(Map.of("by", by.toString()))));
    }

    @Override
    public ClockState resumeClock() {
        return ClockState.of(object("POST", "/_emulator/clock/resume", null));
    }

    @Override
    public void putFindings(String ruleJson) {
        send("PUT", "/_emulator/findings", ruleJson);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findings() {
        return list(object("GET", "/_emulator/findings", null).get("findings"), m -> m);
    }

    @Override
    public void clearFindings() {
        send("DELETE", "/_emulator/findings", null);
    }

    @Override
    public void removeFindings(String key) {
        send("DELETE", "/_emulator/findings" + query(findingsKey(key)), null);
    }

    /** The query parameters that name one findings rule: {@code digest}, or registry, repository and tag. */
    public static Map<String, String> findingsKey(String key) {
        int slash = key.indexOf('/');
        int colon = key.lastIndexOf(':');
        if (slash < 0 || colon < slash) return Map.of("digest", key);
        return Map.of(
                "registry", key.substring(0, slash),
                "repository", key.substring(slash + 1, colon),
                "tag", key.substring(colon + 1));
    }

    @Override
    public Map<String, Object> scanSettings() {
        return object("GET", "/_emulator/scans/settings", null);
    }

    @Override
    public Map<String, Object> updateScanSettings(Map<String, Object> changes) {
        return object("PUT", "/_emulator/scans/settings", Json.write(changes));
    }

    @Override
    public void failNextScans(int count) {
        send("POST", "/_emulator/scans/fail-next", Json.write(Map.of("count", count)));
    }

    @Override
    public int completeAllScans() {
        return ((Number) object("POST", "/_emulator/scans/complete", null).get("completed")).intValue();
    }

    @Override
    public List<OperationInfo> operations() {
        return list(object("GET", "/_emulator/operations", null).get("operations"), OperationInfo::of);
    }

    @Override
    public String toString() {
        return "HttpEmulatorControl[" + baseUrl + "]";
    }

    // ---- plumbing

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object array, Function<Map<String, Object>, T> item) {
        if (!(array instanceof List<?> l)) return List.of();
        return l.stream().map(o -> item.apply((Map<String, Object>) o)).toList();
    }

    private Map<String, Object> object(String method, String pathAndQuery, String jsonBody) {
        return Json.object(send(method, pathAndQuery, jsonBody));
    }

    private static String query(Map<String, String> params) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        new TreeMap<>(params).forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String send(String method, String pathAndQuery, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach(b::header);
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
}
