package io.mcremulator.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault-injection rule ({@code POST /_emulator/faults}, docs/control-api.md) for {@link EmulatorControl#addFault},
 * the JUnit handle's {@code faults().add(..)} and the container's {@code control().addFault(..)}. The Go SDK retry
 * pattern: {@code FaultSpec.operation("createRegistry").status(503).firstN(2)}.
 */
public final class FaultSpec {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private FaultSpec() {}

    /** A rule for one operation (an operationId of {@code GET /_emulator/operations}). */
    public static FaultSpec operation(String operationId) {
        return new FaultSpec().set("operationId", operationId);
    }

    /** A rule for requests whose path matches {@code pattern} (route pattern, or glob: {@code *}, {@code **}). */
    public static FaultSpec path(String pattern) {
        return new FaultSpec().set("path", pattern);
    }

    /** A rule that matches every request of the real APIs (narrow it with the other matchers). */
    public static FaultSpec any() {
        return new FaultSpec();
    }

    public FaultSpec id(String id) {
        return set("id", id);
    }

    public FaultSpec method(String method) {
        return set("method", method);
    }

    public FaultSpec pathPattern(String pattern) {
        return set("path", pattern);
    }

    public FaultSpec tenant(String tenant) {
        return set("tenant", tenant);
    }

    public FaultSpec region(String region) {
        return set("region", region);
    }
    /** Answer this error status, in the MCR format (or the OCI format under /v2). */
    public FaultSpec status(int status) {
        return set("status", status);
    }

    public FaultSpec slug(String slug) {
        return set("slug", slug);
    }

    public FaultSpec ociCode(String code) {
        return set("ociCode", code);
    }

    public FaultSpec message(String message) {
        return set("message", message);
    }

    public FaultSpec retryAfterSeconds(int seconds) {
        return set("retryAfterSeconds", seconds);
    }

    public FaultSpec delayMs(long ms) {
        return set("delayMs", ms);
    }
    /** A random delay in {@code [minMs, maxMs]}, drawn from the rule's seed. */
    public FaultSpec delayMs(long minMs, long maxMs) {
        set("delayMs", minMs);
        return set("delayMaxMs", maxMs);
    }
    /** Close the connection without answering. */
    public FaultSpec drop() {
        return set("drop", true);
    }

    public FaultSpec firstN(int n) {
        return set("firstN", n);
    }

    public FaultSpec everyNth(int n) {
        return set("everyNth", n);
    }

    public FaultSpec probability(double p) {
        return set("probability", p);
    }

    public FaultSpec seed(long seed) {
        return set("seed", seed);
    }

    private FaultSpec set(String k, Object v) {
        fields.put(k, v);
        return this;
    }

    /** The rule as the JSON body of {@code POST /_emulator/faults}. */
    public String toJson() {
        return Json.write(fields);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
