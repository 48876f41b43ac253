package io.mcremulator.server.control;

import io.javalin.http.Context;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.StateSnapshot;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.http.BodyReader;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.JsonAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Export and import of the state as a versioned seed document ({@code /_emulator/export}, {@code /_emulator/import}),
 * and named in-memory checkpoints ({@code /_emulator/snapshots/{name}}).
 */
public final class StateApi {
    private final ControlPlane plane;
    private final int maxDocumentBytes;

    StateApi(ControlPlane plane, int maxDocumentBytes) {
        this.plane = plane;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /**
     * {@code GET /_emulator/export[?tenant=t][&content=include]}: the state as a seed document of format version 1;
     * with {@code content=include}, pushed images carry their manifest and the document their blob bytes.
     */
    public void export(Context ctx) {
        JsonAnswers.write(ctx, 200, export(ctx.queryParam("tenant"), ctx.queryParam("content")));
    }

    /** The export document for these query parameters (either may be null). */
    Map<String, Object> export(String tenantParam, String contentParam) {
        String tenant = blankToNull(tenantParam);
        String content = contentParam == null ? "reference" : contentParam;
        if (!content.equals("reference") && !content.equals("include")) {
            throw EmulatorException.badRequest(
                    "invalid param: 'content' must be reference or include", "content", content);
        }
        boolean include = content.equals("include");
        Emulator e = plane.emulator();
        return SeedWriter.write(e.export(tenant, include), e.config().clock().instant(), tenant, include);
    }

    /**
     * {@code POST /_emulator/import[?mode=replace|merge][&tenant=t]}: {@code replace} (default) makes the state (or
     * the tenant's, from the query or the document's {@code tenant}) equal to the document; {@code merge} adds it
     * like {@code /_emulator/seed}. Atomic either way.
     */
    public void importDocument(Context ctx) {
        importDocument(BodyReader.read(ctx, maxDocumentBytes), ctx.queryParam("mode"), ctx.queryParam("tenant"));
        ctx.status(204);
    }

    /** Imports a document for these query parameters (either may be null). */
    void importDocument(byte[] body, String modeParam, String tenantParam) {
        String mode = modeParam == null ? "replace" : modeParam;
        SeedDocument doc = SeedParser.parse(body);
        String tenant = blankToNull(tenantParam);
        if (tenant == null) tenant = SeedParser.tenantScope(body);
        switch (mode) {
            case "replace" -> plane.emulator().replace(doc, tenant);
            case "merge" -> plane.emulator().seed(doc);
            default ->
                throw EmulatorException.badRequest("invalid param: 'mode' must be replace or merge", "mode", mode);
        }
    }

    public void listSnapshots(Context ctx) {
        JsonAnswers.write(ctx, 200, Map.of("snapshots", snapshots()));
    }

    List<Map<String, Object>> snapshots() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, StateSnapshot> e : plane.snapshots().list()) out.add(view(e.getKey(), e.getValue()));
        return out;
    }

    /** {@code PUT /_emulator/snapshots/{name}}: saves the current state under {@code name} (201 new, 200 overwritten). */
    public void saveSnapshot(Context ctx) {
        String name = ctx.pathParam("name");
        boolean existed = saveSnapshot(name);
        JsonAnswers.write(ctx, existed ? 200 : 201, view(name, plane.snapshots().get(name)));
    }

    /** Saves the current state under {@code name}; true when a snapshot of that name was overwritten. */
    boolean saveSnapshot(String name) {
        return plane.snapshots().save(name);
    }

    /** {@code GET /_emulator/snapshots/{name}}: the checkpoint as an export document. */
    public void getSnapshot(Context ctx) {
        String name = ctx.pathParam("name");
        Snapshots.checkName(name);
        StateSnapshot s = plane.snapshots().get(name);
        // A scratch engine to read the snapshot through the exporter; blobs in memory, so nothing lands on disk.
        io.mcremulator.core.EmulatorConfig cfg = plane.emulator().config();
        Emulator scratch = new Emulator(
                cfg.toBuilder().blobStorage(cfg.blobStorage().withFolder(null)).build());
        scratch.restore(s);
        Map<String, Object> doc = SeedWriter.write(scratch.export(null), s.takenAt(), null, false);
        JsonAnswers.write(ctx, 200, doc);
    }

    public void restoreSnapshot(Context ctx) {
        restoreSnapshot(ctx.pathParam("name"));
        ctx.status(204);
    }

    void restoreSnapshot(String name) {
        Snapshots.checkName(name);
        plane.snapshots().restore(name);
    }

    public void deleteSnapshot(Context ctx) {
        deleteSnapshot(ctx.pathParam("name"));
        ctx.status(204);
    }

    void deleteSnapshot(String name) {
        Snapshots.checkName(name);
        if (!plane.snapshots().delete(name)) throw EmulatorException.notFound("snapshot", name);
    }

    private static Map<String, Object> view(String name, StateSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("takenAt", Json.time(s.takenAt()));
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
