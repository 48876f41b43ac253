package io.mcremulator.server.control;

import io.mcremulator.core.Region;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.operation.Operation;
import io.mcremulator.server.operation.OperationIndex;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One fault-injection rule (docs/control-api.md): what it matches (operationId, method, path glob, tenant, region;
 * all optional, all must hold), what it does (an error in the API's own format, a delay, a dropped connection) and
 * when it fires (the first N matching requests, every Nth, or with probability p drawn from a seeded generator).
 */
record FaultRule(
        String id,
        String operationId,
        String method,
        String path,
        String tenant,
        String region,
        Integer status,
        String slug,
        String ociCode,
        String message,
        Integer retryAfterSeconds,
        Long delayMs,
        Long delayMaxMs,
        boolean drop,
        Integer firstN,
        Integer everyNth,
        Double probability,
        long seed,
        String target) {
    /** {@code target} of a rule for the calls a proxy cache makes to its upstream (default: the emulator's APIs). */
    static final String UPSTREAM = "upstream";

    /** The operationIds of upstream calls, as the journal names them. */
    static final Set<String> UPSTREAM_OPERATIONS = io.mcremulator.client.UpstreamCalls.OPERATION_IDS;

    static final Set<String> FIELDS = Set.of(
            "id",
            "operationId",
            "method",
            "path",
            "tenant",
            "region",
            "status",
            "slug",
            "ociCode",
            "message",
            "retryAfterSeconds",
            "delayMs",
            "delayMaxMs",
            "drop",
            "firstN",
            "everyNth",
            "probability",
            "seed",
            "target");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /**
     * The longest delay a rule may ask for (2 minutes): longer than any client timeout worth testing, short enough
     * that a forgotten rule cannot hold requests for long. Delays of several firing rules add up to this cap too.
     */
    static final long MAX_DELAY_MS = 120_000;

    /** Reads and checks a rule; {@code generatedId} is used when the body names none. */
    static FaultRule parse(byte[] body, OperationIndex index, String generatedId) {
        StrictJson j = StrictJson.parse(body, "fault rule", FIELDS);
        String id = j.string("id");
        if (id != null && !ID.matcher(id).matches())
            throw j.fail("id", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        String target = j.string("target");
        if (target != null && !target.equals("api") && !target.equals(UPSTREAM))
            throw j.fail("target", "must be 'api' (the default) or 'upstream' (a proxy cache's upstream calls)");
        boolean upstream = UPSTREAM.equals(target);
        String operationId = j.string("operationId");
        if (operationId != null && upstream) {
            if (!UPSTREAM_OPERATIONS.contains(operationId))
                throw j.fail("operationId", "names no upstream call; upstream calls are " + UPSTREAM_OPERATIONS);
        } else if (operationId != null) {
            Operation op = index.byOperationId(operationId)
                    .orElseThrow(() -> j.fail(
                            "operationId", "names no operation of the emulator; GET /_emulator/operations lists them"));
            if (op.kind() == Operation.Kind.CONTROL)
                throw j.fail("operationId", "names a test-control operation; faults never apply to /_emulator");
        }
        String method = j.string("method");
        if (method != null) {
            method = method.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) throw j.fail("method", "must be one of " + METHODS);
        }
        String path = j.string("path");
        if (path != null && !path.startsWith("/")) throw j.fail("path", "must start with '/'");
        if (path != null && (path.equals("/_emulator") || path.startsWith("/_emulator/"))) {
            throw j.fail("path", "names the test-control API; faults never apply to /_emulator");
        }
        String region = j.string("region");
        if (region != null) {
            region = Region.parse(region)
                    .map(Region::id)
                    .orElseThrow(() -> j.fail("region", "must be br-se1, br-ne1 or br-mgl1 (br-se-1)"));
        }
        Integer status = j.intValue("status", 400, 599);
        Long delayMs = j.integer("delayMs");
        Long delayMaxMs = j.integer("delayMaxMs");
        boolean drop = Boolean.TRUE.equals(j.bool("drop"));
        if (delayMs != null && (delayMs < 0 || delayMs > MAX_DELAY_MS))
            throw j.fail("delayMs", "must be 0.." + MAX_DELAY_MS);
        if (delayMaxMs != null) {
            if (delayMs == null) throw j.fail("delayMaxMs", "needs delayMs (the lower bound of the random delay)");
            if (delayMaxMs < delayMs || delayMaxMs > MAX_DELAY_MS)
                throw j.fail("delayMaxMs", "must be delayMs.." + MAX_DELAY_MS);
        }
        if (status == null && delayMs == null && !drop) {
            throw EmulatorException.badRequest(
                    "invalid fault rule: give an effect: 'status' (an error), 'delayMs' (a delay) or 'drop': true",
                    "status",
                    null);
        }
        if (drop && status != null)
            throw j.fail("drop", "cannot be combined with 'status': a dropped connection sends no response");
        for (String f : new String[] {"slug", "ociCode", "message", "retryAfterSeconds"}) {
            if (status == null && j.has(f)) throw j.fail(f, "needs 'status'");
        }
        Integer retryAfter = j.intValue("retryAfterSeconds", 0, 86_400);
        Integer firstN = j.intValue("firstN", 1, Integer.MAX_VALUE);
        Integer everyNth = j.intValue("everyNth", 1, Integer.MAX_VALUE);
        Double probability = j.number("probability");
        if (probability != null && (probability <= 0 || probability > 1))
            throw j.fail("probability", "must be > 0 and <= 1");
        int triggers = (firstN != null ? 1 : 0) + (everyNth != null ? 1 : 0) + (probability != null ? 1 : 0);
        if (triggers > 1)
            throw j.fail("firstN", "firstN, everyNth and probability exclude each other: give at most one");
        Long seed = j.integer("seed");
        return new FaultRule(
                id != null ? id : generatedId,
                operationId,
                method,
                path,
                j.string("tenant"),
                region,
                status,
                j.string("slug"),
                j.string("ociCode"),
                j.string("message"),
                retryAfter,
                delayMs,
                delayMaxMs,
                drop,
                firstN,
                everyNth,
                probability,
                seed == null ? 0L : seed,
                upstream ? UPSTREAM : null);
    }

    boolean upstream() {
        return UPSTREAM.equals(target);
    }

    /** A rule with {@code "target":"upstream"} against one upstream call: the path glob is the upstream's path. */
    boolean matchesUpstream(io.mcremulator.server.proxy.UpstreamObserver.Call c) {
        if (!upstream()) return false;
        if (operationId != null && !operationId.equals(c.operationId())) return false;
        if (method != null && !method.equalsIgnoreCase(c.method())) return false;
        if (path != null && !glob(path).matcher(c.uri().getRawPath()).matches()) return false;
        if (tenant != null && !tenant.equals(c.tenant())) return false;
        return region == null || region.equals(c.region());
    }

    boolean matches(RequestFacts r) {
        if (upstream()) return false;
        if (operationId != null
                && !(operationId.equals(r.operationId())
                        || (r.operation() != null
                                && operationId.equals(r.operation().operationId())))) return false;
        if (method != null && !method.equalsIgnoreCase(r.method())) return false;
        if (path != null
                && !(path.equals(r.endpointPath())
                        || glob(path).matcher(r.path()).matches())) return false;
        if (tenant != null && !tenant.equals(r.tenant())) return false;
        return region == null || region.equals(r.region());
    }

    boolean terminal() {
        return status != null || drop;
    }

    /** {@code *} matches within one path segment, {@code **} across segments; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean dbl = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                re.append(dbl ? ".*" : "[^/]*");
                if (dbl) i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.append("/?$").toString());
    }

    /** The rule as the API shows it: given fields only, plus its counters. */
    Map<String, Object> view(long matched, long fired) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        put(m, "operationId", operationId);
        put(m, "method", method);
        put(m, "path", path);
        put(m, "tenant", tenant);
        put(m, "region", region);
        put(m, "status", status);
        put(m, "slug", slug);
        put(m, "ociCode", ociCode);
        put(m, "message", message);
        put(m, "retryAfterSeconds", retryAfterSeconds);
        put(m, "delayMs", delayMs);
        put(m, "delayMaxMs", delayMaxMs);
        if (drop) m.put("drop", true);
        put(m, "firstN", firstN);
        put(m, "everyNth", everyNth);
        put(m, "probability", probability);
        m.put("seed", seed);
        put(m, "target", target);
        m.put("matched", matched);
        m.put("fired", fired);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
