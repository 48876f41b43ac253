package io.mcremulator.core;

import io.mcremulator.core.auth.ApiKeyDirectory;
import io.mcremulator.core.blob.StorageQuota;
import io.mcremulator.core.scan.FindingsBook;
import io.mcremulator.core.scan.FindingsRule;
import io.mcremulator.core.scan.ScanControls;
import io.mcremulator.core.seed.SeedDocument;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The in-memory state engine: one {@link RegionEngine} per region, the API-key directory, seeding and reset.
 * Thread-safe.
 */
public final class Emulator {
    private final EmulatorConfig config;
    private final Map<Region, RegionEngine> regions = new EnumMap<>(Region.class);
    private final Changes changes = new Changes();
    private final ApiKeyDirectory apiKeys = new ApiKeyDirectory(changes::touch);
    private final StorageQuota quota;
    private final ScanControls scanControls;
    private final FindingsBook findings = new FindingsBook();

    public Emulator(EmulatorConfig config) {
        this.config = config;
        this.quota = new StorageQuota(config.blobStorage().maxStoredBytes());
        this.scanControls = new ScanControls(new ScanControls.Settings(
                config.scanPendingDuration(),
                config.scanRunningDuration(),
                ScanControls.Hold.NONE,
                0,
                config.syntheticFindings()));
        for (Region r : Region.values())
            regions.put(r, new RegionEngine(new RegionState(r, config, quota, scanControls, findings, changes)));
    }

    // ---- scan test controls (docs/control-api.md, "Scans") ----

    public ScanControls.Settings scanSettings() {
        return scanControls.settings();
    }

    /**
     * Changes how scans progress. Every scan is brought up to date under the old settings first; scans held by a
     * hold that is lifted start their phase again from now.
     */
    public ScanControls.Settings updateScanSettings(UnaryOperator<ScanControls.Settings> change) {
        Object[] out = new Object[1];
        writeAllRegions(() -> {
            advanceAllScans();
            ScanControls.Settings before = scanControls.settings();
            ScanControls.Settings after = change.apply(before);
            scanControls.set(after);
            if (before.hold() != ScanControls.Hold.NONE && after.hold() != before.hold())
                for (RegionEngine e : regions.values()) e.scans().restartHeld(before.hold());
            out[0] = after;
        });
        return (ScanControls.Settings) out[0];
    }

    /** Completes every pending or running scan now, held ones included; returns how many. */
    public int completeAllScans() {
        int[] n = new int[1];
        writeAllRegions(() -> {
            advanceAllScans();
            for (RegionEngine e : regions.values()) n[0] += e.scans().completeAll();
        });
        return n[0];
    }

    /** The findings rules tests set, in the order they were set. */
    public List<FindingsRule> findings() {
        return findings.all();
    }

    /** Sets the findings of a digest or a repository tag; scans already due keep what they found. */
    public void putFindings(FindingsRule rule) {
        writeAllRegions(() -> {
            advanceAllScans();
            findings.put(rule);
        });
    }

    /** Removes one rule by key (a digest or {@code registry/repository:tag}); false when there was none. */
    public boolean removeFindings(String key) {
        boolean[] out = new boolean[1];
        writeAllRegions(() -> {
            advanceAllScans();
            out[0] = findings.remove(key);
        });
        return out[0];
    }

    public void clearFindings() {
        writeAllRegions(() -> {
            advanceAllScans();
            findings.clear();
        });
    }

    void advanceAllScans() {
        for (RegionEngine e : regions.values()) e.scans().advanceAll();
    }

    FindingsBook findingsBook() {
        return findings;
    }

    /** The engine's change counter, which persistence ({@code --data-dir}) listens to. */
    public Changes changes() {
        return changes;
    }

    /** Blob bytes held now (stored blobs and uploads in progress, all regions) against the configured cap. */
    public StorageQuota storageQuota() {
        return quota;
    }

    public Emulator() {
        this(EmulatorConfig.defaults());
    }

    public EmulatorConfig config() {
        return config;
    }

    public RegionEngine region(Region region) {
        return regions.get(region);
    }

    public ApiKeyDirectory apiKeys() {
        return apiKeys;
    }

    /** Loads a seed document atomically: on any error nothing changes and the error names the field. */
    public void seed(SeedDocument doc) {
        new Seeder(this).seed(doc);
    }

    /** Forgets everything: all regions, all tenants, all API-key mappings. */
    public void reset() {
        writeAllRegions(() -> {
            clearAll();
            scanControls.reset();
        });
    }

    /** Forgets one tenant's registries, proxy caches, users and API keys, in every region. */
    public void resetTenant(String tenantId) {
        writeAllRegions(() -> clearTenant(tenantId));
    }

    /**
     * The state, or one tenant's ({@code tenantId} non-null), as a seed document: seeding an empty emulator with it
     * gives the same resources with the same ids and timestamps (docs/control-api.md lists what it leaves out).
     */
    public SeedDocument export(String tenantId) {
        return export(tenantId, false);
    }

    /** As {@link #export(String)}; with {@code content}, pushed images carry their manifest and blob bytes. */
    public SeedDocument export(String tenantId, boolean content) {
        writeAllRegions(this::advanceAllScans); // scans already due are written as they are now
        return readAllRegions(() -> StateExporter.export(this, tenantId, content));
    }

    /**
     * As {@link #export(String)}, with every pushed image's manifest bytes but without blob bytes: cheap enough to
     * show layers and platforms (the web console) however large the images are.
     */
    public SeedDocument exportWithManifests(String tenantId) {
        return readAllRegions(() -> StateExporter.export(this, tenantId, true, false));
    }

    /**
     * Replaces the whole state ({@code tenantId} null) or one tenant's with {@code doc}, atomically: when the document
     * is invalid, or names another tenant than {@code tenantId}, nothing changes and the error names the field.
     */
    public void replace(SeedDocument doc, String tenantId) {
        if (tenantId != null) TenantScope.check(doc, tenantId);
        writeAllRegions(() -> {
            StateSnapshot before = StateSnapshot.take(this, config.clock().instant());
            if (tenantId == null) clearAll();
            else clearTenant(tenantId);
            try {
                new Seeder(this).seed(doc);
            } catch (RuntimeException e) {
                before.putInto(this);
                throw e;
            }
        });
    }

    /** What persistence saves ({@link DurableState}), taken in one consistent instant. */
    public DurableState durableState() {
        return readAllRegions(() -> DurableState.take(this));
    }

    /**
     * Puts a saved state into this (empty) engine at start, atomically: on an invalid document nothing changes and
     * the error names the field. Blobs are those already found in the data dir; unused ones are freed.
     */
    public void load(DurableState state) {
        writeAllRegions(() -> {
            new Seeder(this).seed(state.document());
            state.applyExtras(this);
        });
    }

    /** Size of a stored blob of {@code region}, or -1 (persistence checks a saved state's blobs with it). */
    public long blobSize(Region region, String digest) {
        return state(region).blobs.size(digest);
    }

    /** Data dir: syncs every region's blob folder (before a state that refers to new blobs is saved). */
    public void syncBlobFolders() throws java.io.IOException {
        for (Region r : Region.values()) state(r).blobs.syncFolder();
    }

    /**
     * Data dir: removes blob files nothing needs, neither the state now nor {@code keep} (the blobs of the states
     * saved on disk, per region); returns how many files were removed.
     */
    public int removeUnusedBlobFiles(Map<Region, java.util.Set<String>> keep) throws java.io.IOException {
        int n = 0;
        for (Region r : Region.values())
            n += state(r).blobs.removeFilesExcept(keep.getOrDefault(r, java.util.Set.of()));
        return n;
    }

    /** An exact in-memory copy of the whole state, for {@link #restore(StateSnapshot)}. */
    public StateSnapshot checkpoint() {
        return readAllRegions(() -> StateSnapshot.take(this, config.clock().instant()));
    }

    /** Puts back the state of a {@link #checkpoint()}; the snapshot stays usable. */
    public void restore(StateSnapshot snapshot) {
        writeAllRegions(() -> snapshot.putInto(this));
    }

    private void clearAll() {
        for (RegionEngine e : regions.values()) {
            RegionState s = e.state();
            s.registries.clear();
            s.registriesByName.clear();
            s.proxyCaches.clear();
            s.users.clear();
            s.registryUsers.clear();
            s.uploads.clear();
            s.blobs.clear();
            s.scanIndex.clear();
        }
        apiKeys.clear();
        findings.clear();
    }

    private void clearTenant(String tenantId) {
        for (RegionEngine e : regions.values()) {
            RegionState s = e.state();
            s.registries.values().removeIf(r -> {
                boolean mine = r.tenantId.equals(tenantId);
                if (mine) {
                    s.registriesByName.remove(r.name);
                    s.uploads.removeIf(name -> BlobGc.inRegistry(name, r.name));
                }
                return mine;
            });
            BlobGc.collect(s);
            s.proxyCaches.values().removeIf(pc -> pc.tenantId.equals(tenantId));
            s.users.values().removeIf(u -> u.tenantId.equals(tenantId));
            s.registryUsers.values().removeIf(u -> {
                boolean mine = u.tenantId.equals(tenantId);
                if (mine)
                    for (RegistryEntity r : s.registries.values())
                        r.members.values().removeIf(m -> m.userId.equals(u.id));
                return mine;
            });
        }
        apiKeys.removeTenant(tenantId);
    }

    RegionState state(Region r) {
        return regions.get(r).state();
    }

    /** Runs {@code body} holding every region's write lock, in a fixed order (no deadlock). */
    void writeAllRegions(Runnable body) {
        lockAll(0, body);
    }

    /** Runs {@code body} holding every region's read lock, so it sees one consistent state. */
    <T> T readAllRegions(java.util.function.Supplier<T> body) {
        Object[] out = new Object[1];
        readAll(0, () -> out[0] = body.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    private void readAll(int i, Runnable body) {
        Region[] all = Region.values();
        if (i == all.length) {
            body.run();
            return;
        }
        regions.get(all[i]).state().read(() -> {
            readAll(i + 1, body);
            return null;
        });
    }

    private void lockAll(int i, Runnable body) {
        Region[] all = Region.values();
        if (i == all.length) {
            body.run();
            return;
        }
        regions.get(all[i]).state().writeRun(() -> lockAll(i + 1, body));
    }
}
