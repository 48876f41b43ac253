package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.Region;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /_emulator/requests}: query the request journal by operationId, method, path (glob), tenant, region,
 * status ({@code 503} or {@code 5xx}), unmatched, faultId, a request-body substring and a sequence cursor; clear it;
 * read and change its settings.
 */
public final class JournalApi {
    static final Set<String> FILTERS = Set.of(
            "operationId",
            "method",
            "path",
            "tenant",
            "region",
            "status",
            "unmatched",
            "faultId",
            "bodyContains",
            "since",
            "limit");
    private final ControlPlane plane;

    JournalApi(ControlPlane plane) {
        this.plane = plane;
    }

    public void list(Context ctx) {
        JsonAnswers.write(ctx, 200, answer(params(ctx), false));
    }

    public void unmatched(Context ctx) {
        JsonAnswers.write(ctx, 200, answer(params(ctx), true));
    }

    /** The first value of each query parameter. */
    private static Map<String, String> params(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    /**
     * {@code GET /_emulator/requests/stream[?backlog=N]}: the journal live, as server-sent events ({@link
     * JournalStream}), starting with the last N recorded entries.
     */
    public void stream(Context ctx) throws Exception {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("backlog")) {
                throw EmulatorException.badRequest(
                        "invalid param: '" + name + "' is not a stream parameter; parameters: backlog", name, null);
            }
        }
        int backlog = Math.min(intParam(params(ctx), "backlog", 0), ControlSettings.MAX_JOURNAL_CAPACITY);
        new io.javalin.http.sse.SseHandler(client -> plane.stream().join(client, plane.journal(), backlog)).handle(ctx);
    }

    public void clear(Context ctx) {
        clear();
        ctx.status(204);
    }

    void clear() {
        plane.journal().clear();
    }

    public void settings(Context ctx) {
        JsonAnswers.write(ctx, 200, view(plane.journal().settings()));
    }

    public void updateSettings(Context ctx) {
        StrictJson j = StrictJson.parse(
                BodyReader.read(ctx, 64 * 1024),
                "journal settings",
                Set.of("capacity", "maxBodyBytes", "recordUnmatched"));
        ControlSettings cur = plane.journal().settings();
        Integer capacity = j.intValue("capacity", 0, ControlSettings.MAX_JOURNAL_CAPACITY);
        Integer maxBody = j.intValue("maxBodyBytes", 0, 16 * 1024 * 1024);
        Boolean unmatched = j.bool("recordUnmatched");
        ControlSettings next = new ControlSettings(
                capacity != null ? capacity : cur.journalCapacity(),
                maxBody != null ? maxBody : cur.journalMaxBodyBytes(),
                unmatched != null ? unmatched : cur.recordUnmatched());
        plane.journal().apply(next);
        JsonAnswers.write(ctx, 200, view(next));
    }

    private static Map<String, Object> view(ControlSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("capacity", s.journalCapacity());
        m.put("maxBodyBytes", s.journalMaxBodyBytes());
        m.put("recordUnmatched", s.recordUnmatched());
        return m;
    }

    /** The answer of {@code GET /_emulator/requests} (or {@code .../unmatched}) to these query parameters. */
    Map<String, Object> answer(Map<String, String> params, boolean unmatchedOnly) {
        Predicate<JournalEntry> filter = filter(params);
        if (unmatchedOnly) filter = filter.and(JournalEntry::unmatched);
        int limit = intParam(params, "limit", Integer.MAX_VALUE);
        List<Object> out = new ArrayList<>();
        for (JournalEntry e : plane.journal().find(filter, limit)) out.add(e.view());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", out.size());
        m.put("size", plane.journal().size());
        m.put("evicted", plane.journal().evicted());
        m.put("requests", out);
        return m;
    }

    private static Predicate<JournalEntry> filter(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!FILTERS.contains(name)) {
                throw EmulatorException.badRequest(
                        "invalid param: '" + name + "' is not a journal filter; filters: "
                                + String.join(", ", new java.util.TreeSet<>(FILTERS)),
                        name,
                        null);
            }
        }
        Predicate<JournalEntry> p = e -> true;
        String op = params.get("operationId");
        if (op != null) p = p.and(e -> op.equals(e.operationId()));
        String method = params.get("method");
        if (method != null) p = p.and(e -> method.equalsIgnoreCase(e.method()));
        String path = params.get("path");
        if (path != null) {
            java.util.regex.Pattern glob = FaultRule.glob(path);
            p = p.and(
                    e -> path.equals(e.endpointPath()) || glob.matcher(e.path()).matches());
        }
        String tenant = params.get("tenant");
        if (tenant != null) p = p.and(e -> tenant.equals(e.tenant()));
        String region = params.get("region");
        if (region != null) {
            String id = Region.parse(region).map(Region::id).orElse(region);
            p = p.and(e -> id.equals(e.region()));
        }
        String status = params.get("status");
        if (status != null) p = p.and(statusFilter(status));
        String unmatched = params.get("unmatched");
        if (unmatched != null) {
            if (!unmatched.equals("true") && !unmatched.equals("false")) {
                throw EmulatorException.badRequest(
                        "invalid param: 'unmatched' must be true or false", "unmatched", unmatched);
            }
            boolean want = Boolean.parseBoolean(unmatched);
            p = p.and(e -> e.unmatched() == want);
        }
        String faultId = params.get("faultId");
        if (faultId != null)
            p = p.and(
                    e -> e.faultId() != null && List.of(e.faultId().split(",")).contains(faultId));
        String body = params.get("bodyContains");
        if (body != null)
            p = p.and(e -> e.requestBody() != null && e.requestBody().contains(body));
        long since = intParam(params, "since", 0);
        if (since > 0) p = p.and(e -> e.seq() > since);
        return p;
    }

    private static Predicate<JournalEntry> statusFilter(String s) {
        if (s.matches("[1-5]xx")) {
            int klass = s.charAt(0) - '0';
            return e -> e.status() / 100 == klass;
        }
        if (!s.matches("\\d{1,3}")) {
            throw EmulatorException.badRequest(
                    "invalid param: 'status' must be a status code such as 503 or a class such as 5xx", "status", s);
        }
        int code = Integer.parseInt(s);
        return e -> e.status() == code;
    }

    private static int intParam(Map<String, String> params, String name, int dflt) {
        String v = params.get(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw EmulatorException.badRequest("invalid param: '" + name + "' must be a non-negative integer", name, v);
        }
    }
}
