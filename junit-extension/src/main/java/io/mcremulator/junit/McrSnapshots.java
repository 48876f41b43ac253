package io.mcremulator.junit;

import io.mcremulator.client.EmulatorControl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Export, import and checkpoints of the emulator's state, as seed documents of format version 1
 * (docs/control-api.md, docs/seed-format.md).
 *
 * <p>Under {@link Isolation#TENANT} {@link #checkpoint}/{@link #restore} save and restore only the handle's tenant
 * (its registries, repositories, images with their content, proxy caches), so tests running in parallel are not
 * disturbed; checkpoints live in the handle and end with it. Under {@link Isolation#RESET} they are the server's
 * named snapshots of the whole state. {@link #saveServerSnapshot}/{@link #restoreServerSnapshot} always act on the
 * whole server: in parallel mode, restoring one replaces every other test's state too.
 */
public final class McrSnapshots {
    private final Supplier<EmulatorControl> control;
    private final String tenant;
    private final boolean tenantCheckpoints;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();

    McrSnapshots(Supplier<EmulatorControl> control, String tenant, boolean tenantCheckpoints) {
        this.control = control;
        this.tenant = tenant;
        this.tenantCheckpoints = tenantCheckpoints;
    }

    /** The handle's tenant's state (images referenced by digest). */
    public String exportTenant() {
        return control.get().export(Map.of("tenant", tenant));
    }

    /** The handle's tenant's state, with manifests and blob bytes when {@code includeContent}. */
    public String exportTenant(boolean includeContent) {
        return control.get()
                .export(includeContent ? Map.of("tenant", tenant, "content", "include") : Map.of("tenant", tenant));
    }

    /** The whole server's state (every tenant). */
    public String exportAll() {
        return control.get().export(Map.of());
    }

    /**
     * Replaces state with the document, atomically: only the document's tenant when it names one (an
     * {@link #exportTenant()} document), otherwise the whole state.
     */
    public void importDocument(String documentJson) {
        control.get().importDocument(documentJson, Map.of());
    }

    /** Adds the document's resources to the state (like seeding), atomically. */
    public void mergeDocument(String documentJson) {
        control.get().importDocument(documentJson, Map.of("mode", "merge"));
    }

    /** Saves a named checkpoint: the tenant's state under TENANT isolation, the whole state under RESET. */
    public void checkpoint(String name) {
        if (!tenantCheckpoints) control.get().saveSnapshot(name);
        else checkpoints.put(name, exportTenant(true));
    }

    /** Restores a checkpoint saved by {@link #checkpoint}; any number of times. */
    public void restore(String name) {
        if (!tenantCheckpoints) {
            control.get().restoreSnapshot(name);
            return;
        }
        String doc = checkpoints.get(name);
        if (doc == null)
            throw new IllegalArgumentException("no checkpoint named '" + name + "'; saved: " + checkpoints.keySet());
        control.get().importDocument(doc, Map.of("tenant", tenant));
    }

    /** A named snapshot of the whole server (kept by the server, across resets, until deleted). */
    public void saveServerSnapshot(String name) {
        control.get().saveSnapshot(name);
    }

    /** Restores the whole server's state from a named snapshot: every test using the server sees it. */
    public void restoreServerSnapshot(String name) {
        control.get().restoreSnapshot(name);
    }

    public void deleteServerSnapshot(String name) {
        control.get().deleteSnapshot(name);
    }
}
