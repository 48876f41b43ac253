package io.mcremulator.testcontainers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The container's test-control API ({@code /_emulator}, docs/control-api.md) from Java, without a JSON library:
 * fault injection, the request journal, export/import and named snapshots, the clock and the list of operations.
 * Get it with {@link McrEmulatorContainer#control()}. Results the module does not model come back as the API's raw
 * JSON text, for the test's own JSON library; a non-2xx answer throws {@link IllegalStateException} naming the call,
 * the status and the body.
 *
 * <pre>{@code
 * McrControl control = mcr.control();
 * control.addFault(McrFault.operation("createRegistry").status(503).firstN(2));
 * ... the code under test retries ...
 * assertThat(control.requestCount("createRegistry")).isEqualTo(3);
 * control.assertNoUnmatchedRequests();
 * }</pre>
 */
public final class McrControl {
    private final McrEmulatorContainer container;
    private final HttpClient http;

    McrControl(McrEmulatorContainer container, HttpClient http) {
        this.container = container;
        this.http = http;
    }

    // ---- faults

    /** Adds a rule given as JSON; returns its id. */
    public String addFault(String ruleJson) {
        return FlatJson.strings(send("POST", "/_emulator/faults", ruleJson)).get("id");
    }

    public String addFault(McrFault fault) {
        return addFault(fault.toJson());
    }

    /** {@code {"faults":[...]}} with each rule's {@code matched} and {@code fired} counters. */
    public String faultsJson() {
        return send("GET", "/_emulator/faults", null);
    }

    /** One rule with its counters. */
    public String faultJson(String id) {
        return send("GET", "/_emulator/faults/" + enc(id), null);
    }

    /** How many requests a rule fired on so far. */
    public long faultFired(String id) {
        return Long.parseLong(FlatJson.members(faultJson(id)).get("fired"));
    }

    public void removeFault(String id) {
        send("DELETE", "/_emulator/faults/" + enc(id), null);
    }

    public void clearFaults() {
        send("DELETE", "/_emulator/faults", null);
    }

    // ---- request journal

    /**
     * {@code {"count":n,"size":..,"evicted":..,"requests":[...]}}, oldest first, filtered by operationId, method, path,
     * tenant, region, status ({@code 503} or {@code 5xx}), unmatched, faultId, bodyContains, since, limit.
     */
    public String requestsJson(Map<String, String> filters) {
        return send("GET", "/_emulator/requests" + query(filters), null);
    }

    public String requestsJson(String operationId) {
        return requestsJson(Map.of("operationId", operationId));
    }

    /** How many journal entries match {@code filters}. */
    public int requestCount(Map<String, String> filters) {
        return count(requestsJson(filters));
    }

    /** How many times an operation was called (every tenant). */
    public int requestCount(String operationId) {
        return requestCount(Map.of("operationId", operationId));
    }

    /** How many times an operation was called with a tenant's credentials. */
    public int requestCount(String operationId, String tenantId) {
        return requestCount(Map.of("operationId", operationId, "tenant", tenantId));
    }

    /** Requests that matched no route of the emulator (404/405 from the router). */
    public String unmatchedRequestsJson() {
        return send("GET", "/_emulator/requests/unmatched", null);
    }

    /** Fails with an {@link AssertionError} holding them when some request matched no route of the emulator. */
    public void assertNoUnmatchedRequests() {
        String json = unmatchedRequestsJson();
        int n = count(json);
        if (n > 0)
            throw new AssertionError(n + " request(s) matched no route of the emulator: "
                    + FlatJson.members(json).get("requests"));
    }

    public void clearRequests() {
        send("DELETE", "/_emulator/requests", null);
    }

    // ---- export, import, snapshots

    /** The whole state as a version-1 seed document. */
    public String export() {
        return send("GET", "/_emulator/export", null);
    }

    /** An export with parameters: {@code tenant} (one tenant), {@code content=include} (manifests and blobs too). */
    public String export(Map<String, String> params) {
        return send("GET", "/_emulator/export" + query(params), null);
    }

    /** Replaces the state (or only the document's tenant, when it names one) with the document, atomically. */
    public void importDocument(String documentJson) {
        send("POST", "/_emulator/import", documentJson);
    }

    /** {@code POST /_emulator/import} with parameters: {@code mode} ({@code replace}, {@code merge}), {@code tenant}. */
    public void importDocument(String documentJson, Map<String, String> params) {
        send("POST", "/_emulator/import" + query(params), documentJson);
    }

    /** An exact in-memory copy of the whole state under a name (kept across resets). */
    public void saveSnapshot(String name) {
        send("PUT", "/_emulator/snapshots/" + enc(name), null);
    }

    public void restoreSnapshot(String name) {
        send("POST", "/_emulator/snapshots/" + enc(name) + "/restore", null);
    }

    public void deleteSnapshot(String name) {
        send("DELETE", "/_emulator/snapshots/" + enc(name), null);
    }

    /** {@code {"snapshots":[{"name":..,"takenAt":..}]}} */
    public String snapshotsJson() {
        return send("GET", "/_emulator/snapshots", null);
    }

    // ---- clock

    public Instant now() {
        return Instant.parse(
                FlatJson.strings(send("GET", "/_emulator/clock", null)).get("now"));
    }

    public void fixClock(Instant at) {
        send("POST", "/_emulator/clock/fix", "{\"at\":\"" + at + "\"}");
    }

    public void advanceClock(Duration by) {
        send("POST", "/_emulator/clock/advance", "{\"by\":\"" + by + "\"}");
    }

    /** Lets the clock follow system time again. */
    public void resumeClock() {
        send("POST", "/_emulator/clock/resume", null);
    }

    // ---- scans: findings and progress (docs/control-api.md, "Scans")

    /** What scans of {@code digest} (an image, an index, or one platform manifest of an index) find. */
    public void setFindings(String digest, McrVulnerability... vulnerabilities) {
        putFindingsJson(
                "{\"digest\":" + McrUser.jsonString(digest) + ",\"vulnerabilities\":" + array(vulnerabilities) + "}");
    }

    /** What scans find in the image {@code tag} of {@code repository} in {@code registry} (by name) names. */
    public void setFindingsForTag(String registry, String repository, String tag, McrVulnerability... vulnerabilities) {
        putFindingsJson("{\"registry\":" + McrUser.jsonString(registry) + ",\"repository\":"
                + McrUser.jsonString(repository) + ",\"tag\":" + McrUser.jsonString(tag) + ",\"vulnerabilities\":"
                + array(vulnerabilities) + "}");
    }

    /** A findings rule as the control API takes it (docs/control-api.md). */
    public void putFindingsJson(String ruleJson) {
        send("PUT", "/_emulator/findings", ruleJson);
    }

    /** {@code {"findings":[...]}} */
    public String findingsJson() {
        return send("GET", "/_emulator/findings", null);
    }

    public void clearFindings() {
        send("DELETE", "/_emulator/findings", null);
    }

    /** {@code {"pending_duration","running_duration","hold","fail_next","synthetic_findings"}} */
    public String scanSettingsJson() {
        return send("GET", "/_emulator/scans/settings", null);
    }

    /** Changes the given scan settings only, e.g. {@code {"synthetic_findings":true}}. */
    public void updateScanSettings(String settingsJson) {
        send("PUT", "/_emulator/scans/settings", settingsJson);
    }

    /** New and pending scans stay {@code pending} until {@link #releaseScans()}. */
    public void holdScansPending() {
        updateScanSettings("{\"hold\":\"pending\"}");
    }

    /** Scans start but stay {@code running} until {@link #releaseScans()}. */
    public void holdScansRunning() {
        updateScanSettings("{\"hold\":\"running\"}");
    }

    public void releaseScans() {
        updateScanSettings("{\"hold\":\"none\"}");
    }

    /** The next {@code count} scans scheduled end {@code failed}. */
    public void failNextScans(int count) {
        send("POST", "/_emulator/scans/fail-next", "{\"count\":" + count + "}");
    }

    /** Completes every pending or running scan now, held ones included; returns how many. */
    public int completeAllScans() {
        return Integer.parseInt(FlatJson.members(send("POST", "/_emulator/scans/complete", null))
                .get("completed"));
    }

    private static String array(McrVulnerability[] vulnerabilities) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < vulnerabilities.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(vulnerabilities[i].toJson());
        }
        return sb.append(']').toString();
    }

    // ---- coverage

    /** {@code {"count":n,"operations":[...]}}: every implemented operation and its known deviations. */
    public String operationsJson() {
        return send("GET", "/_emulator/operations", null);
    }

    // ---- plumbing

    private static int count(String journalJson) {
        return Integer.parseInt(FlatJson.members(journalJson).get("count"));
    }

    private static String query(Map<String, String> params) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        new java.util.TreeMap<>(params).forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String send(String method, String pathAndQuery, String jsonBody) {
        HttpRequest.Builder b = container
                .withControlHeader(HttpRequest.newBuilder(URI.create(container.getBaseUrl() + pathAndQuery)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (jsonBody != null) b.header("Content-Type", "application/json");
        b.method(
                method,
                jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + pathAndQuery, e);
        }
        if (r.statusCode() / 100 != 2)
            throw new IllegalStateException(
                    method + " " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
