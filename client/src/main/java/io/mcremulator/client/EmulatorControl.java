package io.mcremulator.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The emulator's test-control API ({@code /_emulator}, docs/control-api.md) from Java: state (reset, seed, export,
 * import, snapshots), fault injection, the request journal and verification, the clock and the operations.
 *
 * <p>Two implementations, as WireMock's {@code Admin} has: {@link HttpEmulatorControl} talks to an emulator over HTTP
 * (the Testcontainers module, or any running emulator), and the server's {@code McrEmulatorServer.control()} calls
 * the control plane directly in the same JVM (the JUnit extension). They answer alike; a refused call throws
 * {@link ControlApiException} with the status and error body of the HTTP API.
 */
public interface EmulatorControl {
    // ---- state

    /** Forgets state, fault rules and the journal (named snapshots stay). */
    void reset();

    /** Forgets one tenant's state, in every region. */
    void resetTenant(String tenantId);

    /** Adds a seed document (JSON, docs/seed-format.md) atomically. */
    void seed(String seedJson);

    /**
     * The state as a seed document of format version 1; {@code params}: {@code tenant} (one tenant's resources),
     * {@code content=include} (manifests and blob bytes too).
     */
    String export(Map<String, String> params);

    default String export() {
        return export(Map.of());
    }

    /**
     * Imports a document atomically; {@code params}: {@code mode} ({@code replace}, the default, makes the state, or
     * the document's tenant's, equal to it; {@code merge} adds it like seeding), {@code tenant}.
     */
    void importDocument(String documentJson, Map<String, String> params);

    default void importDocument(String documentJson) {
        importDocument(documentJson, Map.of());
    }

    /** Saves an exact copy of the whole state under a name (kept across resets). */
    void saveSnapshot(String name);

    void restoreSnapshot(String name);

    void deleteSnapshot(String name);

    List<SnapshotInfo> snapshots();

    // ---- faults

    /** Adds a rule given as JSON ({@code POST /_emulator/faults} body); returns its id. */
    String addFault(String ruleJson);

    default String addFault(FaultSpec spec) {
        return addFault(spec.toJson());
    }

    /** One rule with its {@code matched} and {@code fired} counters. */
    ActiveFault fault(String id);

    List<ActiveFault> faults();

    void removeFault(String id);

    void clearFaults();

    // ---- request journal

    /**
     * Journal entries matching {@code filters} (operationId, method, path, tenant, region, status such as {@code 503}
     * or {@code 5xx}, unmatched, faultId, bodyContains, since, limit), oldest first.
     */
    List<RecordedRequest> requests(Map<String, String> filters);

    default List<RecordedRequest> requests(String operationId) {
        return requests(Map.of("operationId", operationId));
    }

    /** Requests that matched no route of the emulator. */
    List<RecordedRequest> unmatchedRequests();

    void clearRequests();

    /**
     * {@code verify("createRegistry").calledTimes(1)} over every request the journal holds; an operation id the
     * emulator does not have fails at once, naming the close ones.
     */
    default Verification verify(String operationId) {
        TreeSet<String> known = new TreeSet<>();
        for (OperationInfo op : operations()) known.addAll(op.operationIds());
        return Verification.of(operationId, this::requests, "in the journal", known);
    }

    /** Fails with an {@link AssertionError} listing them when some request matched no route of the emulator. */
    default void assertNoUnmatchedRequests() {
        List<RecordedRequest> unmatched = unmatchedRequests();
        if (unmatched.isEmpty()) return;
        StringBuilder sb = new StringBuilder(unmatched.size() + " request(s) matched no route of the emulator:");
        for (RecordedRequest r : unmatched) sb.append("\n  ").append(r.describe());
        throw new AssertionError(sb.toString());
    }

    // ---- clock

    ClockState clock();

    default Instant now() {
        return clock().now();
    }

    /** Stops the clock at {@code at}. */
    ClockState fixClock(Instant at);

    /** Moves the clock forward (fixing a running clock first, at its current time). */
    ClockState advanceClock(Duration by);

    /** Lets the clock follow system time again. */
    ClockState resumeClock();

    // ---- scans: findings and progress (docs/control-api.md, "Scans"); one set per server, like the clock

    /** Sets a findings rule given as JSON ({@code PUT /_emulator/findings}), replacing the one for its key. */
    void putFindings(String ruleJson);

    /** What scans of {@code digest} (an image, an index, or one platform manifest of an index) find. */
    default void setFindings(String digest, McrVulnerability... vulnerabilities) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("digest", digest);
        rule.put(
                "vulnerabilities",
                Arrays.stream(vulnerabilities).map(McrVulnerability::toMap).toList());
        putFindings(Json.write(rule));
    }

    /** What scans find in the image {@code tag} of {@code repository} in {@code registry} (by name). */
    default void setFindingsForTag(
            String registry, String repository, String tag, McrVulnerability... vulnerabilities) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("registry", registry);
        rule.put("repository", repository);
        rule.put("tag", tag);
        rule.put(
                "vulnerabilities",
                Arrays.stream(vulnerabilities).map(McrVulnerability::toMap).toList());
        putFindings(Json.write(rule));
    }

    /** The findings rules, in the order they were set ({@code {"findings":[...]}}). */
    List<Map<String, Object>> findings();

    void clearFindings();

    /** Removes one rule by its key: a digest, or {@code registry/repository:tag}. */
    void removeFindings(String key);

    /** {@code pending_duration}, {@code running_duration}, {@code hold}, {@code fail_next}, {@code synthetic_findings}. */
    Map<String, Object> scanSettings();

    /** Changes the given scan settings only (same names as {@link #scanSettings()}); returns them all. */
    Map<String, Object> updateScanSettings(Map<String, Object> changes);

    /** New and pending scans stay {@code pending} until {@link #releaseScans()}. */
    default void holdScansPending() {
        updateScanSettings(Map.of("hold", "pending"));
    }

    /** Scans start but stay {@code running} until {@link #releaseScans()}. */
    default void holdScansRunning() {
        updateScanSettings(Map.of("hold", "running"));
    }

    default void releaseScans() {
        updateScanSettings(Map.of("hold", "none"));
    }

    /** The next {@code count} scans scheduled end {@code failed}. */
    void failNextScans(int count);

    /** Completes every pending or running scan now, held ones included; returns how many. */
    int completeAllScans();

    // ---- coverage

    /** Every operation of the real APIs (management and OCI) the emulator implements, with its known deviations. */
    List<OperationInfo> operations();
}
