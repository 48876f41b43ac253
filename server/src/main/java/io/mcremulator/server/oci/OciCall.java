package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.mcremulator.core.RegionEngine;
import io.mcremulator.core.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One /v2 request after authentication: the caller, the engine of the served region, and request accessors. */
public final class OciCall {
    private static final String[] MARKERS = {"/blobs/uploads", "/blobs/", "/manifests/", "/tags/list", "/referrers/"};

    private final Context ctx;
    private final Principal principal;
    private final RegionEngine engine;

    OciCall(Context ctx, Principal principal, RegionEngine engine) {
        this.ctx = ctx;
        this.principal = principal;
        this.engine = engine;
    }

    public Context ctx() {
        return ctx;
    }

    public Principal principal() {
        return principal;
    }

    public RegionEngine engine() {
        return engine;
    }

    /** The repository name ({@code registry/repo}, may contain '/'). */
    public String name() {
        return ctx.pathParam("name");
    }

    public String path(String param) {
        return ctx.pathParam(param);
    }

    /** A single-valued query parameter, or null; given more than once it is a 400. */
    public String query(String name) {
        return io.mcremulator.server.http.Call.single(ctx, name);
    }

    public List<String> queries(String name) {
        return ctx.queryParams(name);
    }

    /** The body as a stream (chunked bodies included; no size limit). */
    public InputStream body() {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Content-Length}, or -1 when absent (chunked). */
    public long contentLength() {
        return ctx.req().getContentLengthLong();
    }

    /** Every value of every {@code Accept} line, split on commas. */
    public List<String> accept() {
        List<String> out = new ArrayList<>();
        for (String line : Collections.list(ctx.req().getHeaders("Accept"))) {
            for (String v : line.split(",")) if (!v.isBlank()) out.add(v.trim());
        }
        return out;
    }

    /** The repository name in a /v2 path, found from the right as the spec advises; null if none. */
    static String nameFromPath(String path) {
        String rest = path.substring("/v2/".length());
        int best = -1;
        for (String m : MARKERS) {
            int i = rest.lastIndexOf(m);
            if (i > 0 && (best < 0 || i < best)) best = i;
        }
        return best < 0 ? null : rest.substring(0, best);
    }
}
