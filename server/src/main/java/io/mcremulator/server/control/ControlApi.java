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
    private final OverviewApi overview;
    private final io.mcremulator.server.console.ConsoleAssets console =
            new io.mcremulator.server.console.ConsoleAssets();
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
        this.overview = new OverviewApi(plane);
    }

    public io.mcremulator.server.console.ConsoleAssets console() {
        return console;
    }

    public OverviewApi overview() {
        return overview;
    }

    /**
     * {@code GET /_emulator}: where things are. A browser (Accept: text/html) gets a page linking the web console;
     * anything else gets the same links as JSON.
     */
    public void index(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.contentType("text/html; charset=utf-8");
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            ctx.result("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>mcr-emulator</title>"
                    + "<body style=\"font:16px system-ui,sans-serif;margin:2rem\"><h1>mcr-emulator</h1><ul>"
                    + "<li><a href=\"/_emulator/console/\">Web console</a></li>"
                    + "<li><a href=\"/_emulator/openapi.json\">Test-control API (OpenAPI)</a></li>"
                    + "<li><a href=\"/_emulator/operations\">Implemented operations</a></li>"
                    + "<li><a href=\"/_emulator/health\">Health</a></li></ul></body></html>");
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("console", "/_emulator/console/");
        m.put("openapi", "/_emulator/openapi.json");
        m.put("operations", "/_emulator/operations");
        m.put("health", "/_emulator/health");
        JsonAnswers.write(ctx, 200, m);
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

    /** With a data dir: what is saved ({@code Persistence.status()}), shown by the health check. */
    private volatile java.util.function.Supplier<Map<String, Object>> persistence;

    public void persistenceStatus(java.util.function.Supplier<Map<String, Object>> status) {
        this.persistence = status;
    }

    public void health(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "UP");
        java.util.function.Supplier<Map<String, Object>> p = persistence;
        if (p != null) m.put("persistence", p.get());
        JsonAnswers.write(ctx, 200, m);
    }

    /**
     * Resets everything (state, fault rules and the journal; named snapshots stay), or only one tenant's state with
     * {@code ?tenant=<id>}.
     */
    public void reset(Context ctx) {
        reset(ctx.queryParam("tenant"));
        ctx.status(204);
    }

    void reset(String tenant) {
        if (tenant == null || tenant.isEmpty()) {
            emulator.reset();
            plane.faults().clear();
            plane.releaseDelays();
            plane.journal().clear();
        } else {
            emulator.resetTenant(tenant);
        }
    }

    public void seed(Context ctx) {
        seed(BodyReader.read(ctx, maxSeedBytes));
        ctx.status(204);
    }

    void seed(byte[] document) {
        emulator.seed(SeedParser.parse(document));
    }

    /** The control API for callers in this JVM: the same operations as the HTTP routes, without HTTP. */
    public io.mcremulator.client.EmulatorControl inProcess() {
        return new InProcessControl(this);
    }
}
