package io.mcremulator.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A check of what the code under test called, read from the emulator's request journal:
 * {@code verify("createRegistry").withBodyContaining("\"name\":\"x\"").calledTimes(1)}. A failure lists what was
 * actually recorded. Made by {@link EmulatorControl#verify(String)} (every request the journal holds) and by the JUnit
 * handle's {@code verify} (the requests of the handle's tenants, or of the test).
 */
public final class Verification {
    private final String operationId;
    private final Function<Map<String, String>, List<RecordedRequest>> journal;
    private final String scope;
    private final Map<String, String> filters = new LinkedHashMap<>();

    private Verification(
            String operationId, Function<Map<String, String>, List<RecordedRequest>> journal, String scope) {
        this.operationId = operationId;
        this.journal = journal;
        this.scope = scope;
        filters.put("operationId", operationId);
    }

    /**
     * A verification of {@code operationId} over {@code journal} (journal filters to requests, oldest first).
     *
     * @param scope           whose requests the journal function sees, for messages ({@code since the test started})
     * @param knownOperations the operation ids the journal can record ({@link OperationInfo#operationIds()})
     * @throws IllegalArgumentException for an id that is not one of them, naming the close ones: a misspelt id would
     *     otherwise match nothing, and {@code neverCalled()} would pass
     */
    public static Verification of(
            String operationId,
            Function<Map<String, String>, List<RecordedRequest>> journal,
            String scope,
            Collection<String> knownOperations) {
        if (!knownOperations.contains(operationId)) {
            throw new IllegalArgumentException("unknown operation id '" + operationId + "'"
                    + CloseMatches.hint(operationId, knownOperations)
                    + "; the ids are those of GET /_emulator/operations (listed in docs/junit.md)");
        }
        return new Verification(operationId, journal, scope);
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

    /** Only requests made with this tenant's credentials (e.g. {@code mcr.newTenant().id()}). */
    public Verification byTenant(String tenantId) {
        return filter("tenant", tenantId);
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
        return journal.apply(Map.copyOf(filters));
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
        List<RecordedRequest> all = journal.apply(Map.of());
        if (all.isEmpty()) {
            sb.append("; the journal holds no request ").append(scope);
        } else {
            sb.append(". Requests recorded ").append(scope).append(" (oldest first):");
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
