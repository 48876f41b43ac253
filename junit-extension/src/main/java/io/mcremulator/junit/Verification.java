package io.mcremulator.junit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check of what the code under test called, read from the emulator's request journal:
 * {@code mcr.verify("createRegistry").withBodyContaining("\"name\":\"x\"").calledTimes(1)}.
 * It counts the requests of the handle's tenants (under TENANT isolation) or of the whole test (RESET); a failure
 * lists what was actually recorded.
 */
public final class Verification {
    private final DefaultMcrEmulator handle;
    private final String operationId;
    private final Map<String, String> filters = new LinkedHashMap<>();

    Verification(DefaultMcrEmulator handle, String operationId) {
        this.handle = handle;
        this.operationId = operationId;
        filters.put("operationId", operationId);
    }

    /** Only requests whose body contains {@code text}, e.g. {@code "\"name\":\"r1\""} (bodies are kept up to 4 KiB). */
    public Verification withBodyContaining(String text) {
        return filter("bodyContains", text);
    }

    /** Only requests answered with {@code status}: {@code "201"}, or a class such as {@code "2xx"}. */
    public Verification withStatus(String status) {
        return filter("status", status);
    }

    public Verification withStatus(int status) {
        return filter("status", String.valueOf(status));
    }

    /** Only requests to {@code region} ({@code br-ne1}...). */
    public Verification inRegion(String region) {
        return filter("region", region);
    }

    /** Only requests made with {@code tenant}'s credentials (e.g. one from {@link McrEmulator#newTenant()}). */
    public Verification byTenant(TestTenant tenant) {
        return filter("tenant", tenant.id());
    }

    /** Only requests a given fault rule fired on. */
    public Verification withFault(String faultId) {
        return filter("faultId", faultId);
    }

    private Verification filter(String name, String value) {
        filters.put(name, value);
        return this;
    }

    /** The matching requests, oldest first. */
    public List<RecordedRequest> requests() {
        return handle.requests(filters);
    }

    /** Asserts exactly {@code times} matching requests; returns them. */
    public List<RecordedRequest> calledTimes(int times) {
        List<RecordedRequest> found = requests();
        if (found.size() != times) fail("exactly " + times, found);
        return found;
    }

    public RecordedRequest calledOnce() {
        return calledTimes(1).get(0);
    }

    public void neverCalled() {
        calledTimes(0);
    }

    /** Asserts at least {@code times} matching requests; returns them. */
    public List<RecordedRequest> calledAtLeast(int times) {
        List<RecordedRequest> found = requests();
        if (found.size() < times) fail("at least " + times, found);
        return found;
    }

    private void fail(String expected, List<RecordedRequest> found) {
        StringBuilder sb = new StringBuilder("expected ")
                .append(describe())
                .append(" to be called ")
                .append(expected)
                .append(" time(s), but it was called ")
                .append(found.size())
                .append(" time(s)");
        List<RecordedRequest> all = handle.requests(Map.of());
        if (all.isEmpty()) {
            sb.append("; the journal holds no request ").append(handle.journalScope());
        } else {
            sb.append(". Requests recorded ").append(handle.journalScope()).append(" (oldest first):");
            int from = Math.max(0, all.size() - 50);
            if (from > 0) sb.append("\n  ... ").append(from).append(" older request(s)");
            for (RecordedRequest r : all.subList(from, all.size()))
                sb.append("\n  ").append(r.describe());
        }
        throw new AssertionError(sb.toString());
    }

    private String describe() {
        StringBuilder sb = new StringBuilder(operationId);
        filters.forEach((k, v) -> {
            if (!k.equals("operationId"))
                sb.append(" [").append(k).append('=').append(v).append(']');
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Verification[" + describe() + "]";
    }
}
