package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.Emulator;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.JsonAnswers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test-control API under {@code /_emulator} (not part of MCR): health, reset, seed here; faults, the request
 * journal, export/import and snapshots, the clock and the operation list in the handlers it hands out.
 */
public final class ControlApi {
    private final Emulator emulator;
    private final int maxSeedBytes;
    private final FaultsApi faults;
    private final JournalApi journal;
    private final StateApi state;
    private final ClockApi clock;
    private final OperationsApi operations;
    private final ScansControlApi scans;
    private final ControlPlane plane;

    public ControlApi(Emulator emulator, int maxSeedBytes, ControlPlane plane, int getRepositoryStatus) {
        this.emulator = emulator;
        this.maxSeedBytes = maxSeedBytes;
        this.plane = plane;
        this.faults = new FaultsApi(plane);
        this.journal = new JournalApi(plane);
        this.state = new StateApi(plane, maxSeedBytes);
        this.clock = new ClockApi(emulator.config().clock());
        this.scans = new ScansControlApi(emulator);
        this.operations = new OperationsApi(plane, new KnownDeviations(getRepositoryStatus));
    }

    public FaultsApi faults() {
        return faults;
    }

    public JournalApi journal() {
        return journal;
    }

    public StateApi state() {
        return state;
    }

    public ClockApi clock() {
        return clock;
    }

    /** Scan controls and findings. */
    public ScansControlApi scans() {
        return scans;
    }

    public OperationsApi operations() {
        return operations;
    }

    public void health(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        JsonAnswers.write(ctx, 200, m);
    }

    /**
     * Resets everything (state, fault rules and the journal; named snapshots stay), or only one tenant's state with
     * {@code ?tenant=<id>}.
     */
    public void reset(Context ctx) {
        String tenant = ctx.queryParam("tenant");
        if (tenant == null || tenant.isEmpty()) {
            emulator.reset();
            plane.faults().clear();
            plane.releaseDelays();
            plane.journal().clear();
        } else {
            emulator.resetTenant(tenant);
        }
        ctx.status(204);
    }

    public void seed(Context ctx) {
        emulator.seed(SeedParser.parse(BodyReader.read(ctx, maxSeedBytes)));
        ctx.status(204);
    }
}
