package io.mcremulator.server.control;

import io.mcremulator.core.Emulator;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.ErrorBodies;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** The test-control API under {@code /_emulator} (not part of MCR): health, reset, seed. */
public final class ControlApi {
    private final Emulator emulator;
    private final int maxSeedBytes;

    public ControlApi(Emulator emulator, int maxSeedBytes) {
        this.emulator = emulator;
        this.maxSeedBytes = maxSeedBytes;
    }

    public void health(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        ErrorBodies.writeJson(ctx, 200, m);
    }

    /** Resets everything, or one tenant with {@code ?tenant=<id>}. */
    public void reset(Context ctx) {
        String tenant = ctx.queryParam("tenant");
        if (tenant == null || tenant.isEmpty()) emulator.reset();
        else emulator.resetTenant(tenant);
        ctx.status(204);
    }

    public void seed(Context ctx) {
        emulator.seed(SeedParser.parse(BodyReader.read(ctx, maxSeedBytes)));
        ctx.status(204);
    }
}
