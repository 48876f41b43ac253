package io.mcremulator.server.http;

import io.javalin.http.Context;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.RegionEngine;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.SortFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One management-API request, after routing and auth: the caller, the region's engine, and typed accessors. */
public final class Call {
    private final Context ctx;
    private final Principal principal;
    private final Region region;
    private final Emulator emulator;
    private final int maxBodyBytes;

    public Call(Context ctx, Principal principal, Region region, Emulator emulator, int maxBodyBytes) {
        this.ctx = ctx;
        this.principal = principal;
        this.region = region;
        this.emulator = emulator;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Context ctx() {
        return ctx;
    }

    public Principal principal() {
        return principal;
    }

    public Region region() {
        return region;
    }

    public RegionEngine engine() {
        return emulator.region(region);
    }

    public Emulator emulator() {
        return emulator;
    }

    public String path(String name) {
        return ctx.pathParam(name);
    }

    public UUID uuidPath(String name) {
        return Uuids.parse(name, ctx.pathParam(name));
    }

    /**
     * The value of a single-valued query parameter, or null. Given more than once ({@code _limit=1&_limit=2}) it is a
     * 400 naming the parameter: which value was meant cannot be known.
     */
    public String query(String name) {
        return single(ctx, name);
    }

    /** {@link #query}'s rule, for other callers: null when absent, 400 when repeated. */
    public static String single(Context ctx, String name) {
        List<String> v = ctx.queryParams(name);
        if (v.size() > 1) {
            throw EmulatorException.badRequest(
                    "invalid param: " + name + " is given " + v.size() + " times; give it once", name, v);
        }
        return v.isEmpty() ? null : v.get(0);
    }

    /** A filter parameter: null when absent or empty. */
    public String filter(String name) {
        String v = query(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public PageRequest page(SortFields<?> fields) {
        return PageRequest.parse(
                query("_limit"),
                query("_offset"),
                query("_sort"),
                fields,
                emulator.config().defaultPageLimit());
    }

    /**
     * The {@code expand} values, from {@code expand} (repeated or comma-separated, as the CLI sends it) and
     * {@code _expand} (comma-joined, as the Go SDK sends it). Unknown values are a 400 that lists the valid ones.
     */
    public Set<String> expand(List<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : List.of("expand", "_expand")) {
            for (String raw : ctx.queryParams(name)) {
                for (String v : raw.split(",")) {
                    String t = v.trim();
                    if (t.isEmpty()) continue;
                    if (!allowed.contains(t)) {
                        throw EmulatorException.badRequest(
                                "invalid param: " + name + " value '" + t + "' is not one of "
                                        + String.join(", ", allowed),
                                name,
                                raw);
                    }
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The body as a JSON object; 413 past the size limit. */
    public JsonBody body() {
        return JsonBody.parseObject(BodyReader.read(ctx, maxBodyBytes));
    }

    public JsonBody optionalBody() {
        return JsonBody.parseOptionalObject(BodyReader.read(ctx, maxBodyBytes));
    }

    public void json(int status, Object body) {
        JsonAnswers.write(ctx, status, body);
    }

    public void noContent() {
        ctx.status(204);
    }
}
