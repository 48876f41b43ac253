package io.mcremulator.testcontainers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a fault rule for {@link McrControl#addFault(McrFault)} ({@code POST /_emulator/faults}, docs/control-api.md)
 * without a JSON library. The Go SDK retry pattern:
 * {@code McrFault.operation("createRegistry").status(503).firstN(2)}.
 */
public final class McrFault {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private McrFault() {}

    /** A rule for one operation: an operationId of {@code GET /_emulator/operations} ({@code createRegistry}...). */
    public static McrFault operation(String operationId) {
        return new McrFault().set("operationId", operationId);
    }

    /** A rule for request paths matching {@code pattern}: a route pattern, or a glob ({@code *}, {@code **}). */
    public static McrFault path(String pattern) {
        return new McrFault().set("path", pattern);
    }

    /** A rule matching every request of the real APIs (narrow it with the other matchers). */
    public static McrFault any() {
        return new McrFault();
    }

    public McrFault id(String id) {
        return set("id", id);
    }

    public McrFault method(String method) {
        return set("method", method);
    }

    public McrFault pathPattern(String pattern) {
        return set("path", pattern);
    }
    /** Only requests made with this tenant's credentials ({@link McrUser#tenantId()}). */
    public McrFault tenant(String tenantId) {
        return set("tenant", tenantId);
    }

    public McrFault region(String region) {
        return set("region", region);
    }
    /** Answer this error status: MCR format on the management API, OCI format under /v2. */
    public McrFault status(int status) {
        return set("status", status);
    }

    public McrFault slug(String slug) {
        return set("slug", slug);
    }

    public McrFault ociCode(String code) {
        return set("ociCode", code);
    }

    public McrFault message(String message) {
        return set("message", message);
    }

    public McrFault retryAfterSeconds(int seconds) {
        return set("retryAfterSeconds", seconds);
    }

    public McrFault delayMs(long ms) {
        return set("delayMs", ms);
    }
    /** A random delay in {@code [minMs, maxMs]} drawn from the rule's seed. */
    public McrFault delayMs(long minMs, long maxMs) {
        set("delayMs", minMs);
        return set("delayMaxMs", maxMs);
    }
    /** Close the connection without answering. */
    public McrFault drop() {
        return set("drop", true);
    }

    public McrFault firstN(int n) {
        return set("firstN", n);
    }

    public McrFault everyNth(int n) {
        return set("everyNth", n);
    }

    public McrFault probability(double p) {
        return set("probability", p);
    }

    public McrFault seed(long seed) {
        return set("seed", seed);
    }

    private McrFault set(String k, Object v) {
        fields.put(k, v);
        return this;
    }

    /** The rule as the JSON body of {@code POST /_emulator/faults}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append(McrUser.jsonString(e.getKey())).append(':');
            Object v = e.getValue();
            sb.append(v instanceof String str ? McrUser.jsonString(str) : String.valueOf(v));
        }
        return sb.append('}').toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
