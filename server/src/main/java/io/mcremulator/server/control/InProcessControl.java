package io.mcremulator.server.control;

import io.mcremulator.client.ActiveFault;
import io.mcremulator.client.ClockState;
import io.mcremulator.client.ControlApiException;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.client.HttpEmulatorControl;
import io.mcremulator.client.OperationInfo;
import io.mcremulator.client.RecordedRequest;
import io.mcremulator.client.SnapshotInfo;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.ErrorAnswer;
import io.mcremulator.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link EmulatorControl} for callers in the server's JVM (the JUnit extension): each method calls what the
 * {@code /_emulator} route calls, without HTTP. Answers are the routes' answers turned into the client's types, and a
 * refused call throws {@link ControlApiException} with the status and error body the route would answer.
 */
final class InProcessControl implements EmulatorControl {
    private final ControlApi api;

    InProcessControl(ControlApi api) {
        this.api = api;
    }

    @Override
    public void reset() {
        run("POST /_emulator/reset", () -> api.reset((String) null));
    }

    @Override
    public void resetTenant(String tenantId) {
        run("POST /_emulator/reset?tenant=" + tenantId, () -> api.reset(tenantId));
    }

    @Override
    public void seed(String seedJson) {
        run("POST /_emulator/seed", () -> api.seed(bytes(seedJson)));
    }

    @Override
    public String export(Map<String, String> params) {
        return call(
                "GET /_emulator/export",
                () -> new String(
                        Json.write(api.state().export(params.get("tenant"), params.get("content"))),
                        StandardCharsets.UTF_8));
    }

    @Override
    public void importDocument(String documentJson, Map<String, String> params) {
        run(
                "POST /_emulator/import",
                () -> api.state().importDocument(bytes(documentJson), params.get("mode"), params.get("tenant")));
    }

    @Override
    public void saveSnapshot(String name) {
        run("PUT /_emulator/snapshots/" + name, () -> api.state().saveSnapshot(name));
    }

    @Override
    public void restoreSnapshot(String name) {
        run("POST /_emulator/snapshots/" + name + "/restore", () -> api.state().restoreSnapshot(name));
    }

    @Override
    public void deleteSnapshot(String name) {
        run("DELETE /_emulator/snapshots/" + name, () -> api.state().deleteSnapshot(name));
    }

    @Override
    public List<SnapshotInfo> snapshots() {
        return call("GET /_emulator/snapshots", () -> items(api.state().snapshots(), SnapshotInfo::of));
    }

    @Override
    public String addFault(String ruleJson) {
        return call("POST /_emulator/faults", () ->
                (String) plain(api.faults().add(bytes(ruleJson))).get("id"));
    }

    @Override
    public ActiveFault fault(String id) {
        return call(
                "GET /_emulator/faults/" + id,
                () -> ActiveFault.of(plain(api.faults().get(id))));
    }

    @Override
    public List<ActiveFault> faults() {
        return call("GET /_emulator/faults", () -> items(api.faults().list(), ActiveFault::of));
    }

    @Override
    public void removeFault(String id) {
        run("DELETE /_emulator/faults/" + id, () -> api.faults().remove(id));
    }

    @Override
    public void clearFaults() {
        run("DELETE /_emulator/faults", () -> api.faults().clear());
    }

    @Override
    public List<RecordedRequest> requests(Map<String, String> filters) {
        return journal("GET /_emulator/requests", filters, false);
    }

    @Override
    public List<RecordedRequest> unmatchedRequests() {
        return journal("GET /_emulator/requests/unmatched", Map.of(), true);
    }

    private List<RecordedRequest> journal(String call, Map<String, String> filters, boolean unmatched) {
        return call(call, () -> {
            Object requests = plain(api.journal().answer(new LinkedHashMap<>(filters), unmatched))
                    .get("requests");
            return items((List<?>) requests, RecordedRequest::of);
        });
    }

    @Override
    public void clearRequests() {
        run("DELETE /_emulator/requests", () -> api.journal().clear());
    }

    @Override
    public ClockState clock() {
        return call(
                "GET /_emulator/clock", () -> ClockState.of(plain(api.clock().view())));
    }

    @Override
    public ClockState fixClock(Instant at) {
        return call(
                "POST /_emulator/clock/fix",
                () -> ClockState.of(plain(api.clock().fix(bytes("{\"at\":\"" + at + "\"}")))));
    }

    @Override
    public ClockState advanceClock(Duration by) {
        return call(
                "POST /_emulator/clock/advance",
                () -> ClockState.of(plain(api.clock().advance(bytes("{\"by\":\"" + by + "\"}")))));
    }

    @Override
    public ClockState resumeClock() {
        return call(
                "POST /_emulator/clock/resume",
                () -> ClockState.of(plain(api.clock().resume())));
    }

    @Override
    public void putFindings(String ruleJson) {
        run("PUT /_emulator/findings", () -> api.scans().putFindings(bytes(ruleJson)));
    }

    @Override
    public List<Map<String, Object>> findings() {
        return call(
                "GET /_emulator/findings",
                () -> items((List<?>) plain(api.scans().listFindings()).get("findings"), m -> m));
    }

    @Override
    public void clearFindings() {
        run("DELETE /_emulator/findings", () -> api.scans().deleteFindings(null, null, null, null));
    }

    @Override
    public void removeFindings(String key) {
        Map<String, String> q = HttpEmulatorControl.findingsKey(key);
        run(
                "DELETE /_emulator/findings?" + q,
                () -> api.scans()
                        .deleteFindings(q.get("digest"), q.get("registry"), q.get("repository"), q.get("tag")));
    }

    @Override
    public Map<String, Object> scanSettings() {
        return call("GET /_emulator/scans/settings", () -> plain(api.scans().settings()));
    }

    @Override
    public Map<String, Object> updateScanSettings(Map<String, Object> changes) {
        return call(
                "PUT /_emulator/scans/settings",
                () -> plain(api.scans().updateSettings(bytes(io.mcremulator.client.Json.write(changes)))));
    }

    @Override
    public void failNextScans(int count) {
        run("POST /_emulator/scans/fail-next", () -> api.scans().failNext(bytes("{\"count\":" + count + "}")));
    }

    @Override
    public int completeAllScans() {
        return call("POST /_emulator/scans/complete", () -> api.scans().completeAll());
    }

    @Override
    public List<OperationInfo> operations() {
        return call(
                "GET /_emulator/operations",
                () -> items(
                        (List<?>) plain(api.operations().list((String) null)).get("operations"), OperationInfo::of));
    }

    @Override
    public String toString() {
        return "InProcessControl";
    }

    // ---- plumbing: the answers as the HTTP client sees them (plain maps, lists, strings, numbers)

    /** The answer as the HTTP client reads it: written as the route writes it, read by the client's JSON reader. */
    private static Map<String, Object> plain(Object answer) {
        return io.mcremulator.client.Json.object(new String(Json.write(answer), StandardCharsets.UTF_8));
    }

    private static <T> List<T> items(List<?> answers, Function<Map<String, Object>, T> item) {
        return answers.stream().map(o -> item.apply(plain(o))).toList();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void run(String call, Runnable action) {
        call(call, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T call(String call, Supplier<T> action) {
        try {
            return action.get();
        } catch (EmulatorException e) {
            ErrorAnswer answer = ErrorAnswer.of(e);
            throw new ControlApiException(
                    call, answer.status(), new String(answer.body(false), StandardCharsets.UTF_8));
        }
    }
}
