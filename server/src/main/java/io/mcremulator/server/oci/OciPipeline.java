package io.mcremulator.server.oci;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.RegionEngine;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What runs around every /v2 operation: authentication (401 with the challenge),
 * and errors in the OCI format ({@code {"errors":[{code,message,detail}]}}; HEAD errors carry no body).
 */
public final class OciPipeline {
    /** A /v2 handler, called with the authenticated caller and the region's engine. */
    @FunctionalInterface
    public interface OciHandler {
        void handle(OciCall call) throws Exception;
    }

    private final Emulator emulator;
    private final OciSettings settings;
    private final OciAuth auth;

    public OciPipeline(Emulator emulator, OciSettings settings, OciAuth auth) {
        this.emulator = emulator;
        this.settings = settings;
        this.auth = auth;
    }

    public OciSettings settings() {
        return settings;
    }

    public OciAuth auth() {
        return auth;
    }

    public RegionEngine engine() {
        return emulator.region(settings.region());
    }

    /** Wraps a handler that needs an authenticated caller. */
    public Handler authenticated(OciHandler h) {
        return ctx -> run(ctx, () -> {
            Principal p = auth.authenticate(ctx, engine().credentials());
            h.handle(new OciCall(ctx, p, engine()));
        });
    }

    /** Wraps a handler that authenticates by itself (the token endpoint). */
    public Handler open(OciHandler h) {
        return ctx -> run(ctx, () -> h.handle(new OciCall(ctx, null, engine())));
    }

    private interface Body {
        void run() throws Exception;
    }

    private void run(Context ctx, Body body) throws Exception {
        try {
            body.run();
        } catch (EmulatorException e) {
            writeError(ctx, e);
        } catch (UncheckedIOException e) {
            if (ctx.res().isCommitted()) throw e;
            writeError(
                    ctx,
                    new EmulatorException(
                            ErrorCode.BLOB_UPLOAD_INVALID, "request body could not be read: " + e.getMessage()));
        }
    }

    void writeError(Context ctx, EmulatorException e) throws IOException {
        if (ctx.res().isCommitted()) return;
        // A refused upload (storage cap, bad range, 401 ...) may still be arriving: read and drop the rest first
        // (bounded), so the client sees this error instead of a broken pipe.
        BodyReader.discardRest(ctx.req().getInputStream(), ctx.req().getContentLengthLong());
        ErrorCode code = e.code();
        if (code.status() == 401) ctx.header("WWW-Authenticate", auth.challenge(ctx, scopeOf(ctx)));
        if (code == ErrorCode.OCI_RANGE_INVALID && e.detail().get("range") instanceof String range) {
            ctx.header("Range", range);
            ctx.header("Location", ctx.path());
            ctx.header("Docker-Upload-UUID", String.valueOf(e.detail().get("upload")));
        }
        JsonAnswers.error(ctx, e);
    }

    /** The scope a request needs, named in the challenge so token clients ask for the right one. */
    private static String scopeOf(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/v2/") || path.equals("/v2/") || path.startsWith("/v2/_catalog")) return null;
        String name = OciCall.nameFromPath(path);
        if (name == null) return null;
        String m = ctx.req().getMethod();
        boolean read = m.equals("GET") || m.equals("HEAD");
        return "repository:" + name + ":" + (read ? "pull" : "pull,push");
    }
}
