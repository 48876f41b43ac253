package io.mcremulator.core;

import io.mcremulator.core.auth.ApiKeyDirectory;
import io.mcremulator.core.blob.StorageQuota;
import io.mcremulator.core.seed.SeedDocument;

import java.util.EnumMap;
import java.util.Map;

/**
 * The in-memory state engine: one {@link RegionEngine} per region, the API-key directory, seeding and reset.
 * Thread-safe.
 */
public final class Emulator {
    private final EmulatorConfig config;
    private final Map<Region, RegionEngine> regions = new EnumMap<>(Region.class);
    private final ApiKeyDirectory apiKeys = new ApiKeyDirectory();
    private final StorageQuota quota;

    public Emulator(EmulatorConfig config) {
        this.config = config;
        this.quota = new StorageQuota(config.blobStorage().maxStoredBytes());
        for (Region r : Region.values()) regions.put(r, new RegionEngine(new RegionState(r, config, quota)));
    }

    /** Blob bytes held now (stored blobs and uploads in progress, all regions) against the configured cap. */
    public StorageQuota storageQuota() { return quota; }

    public Emulator() { this(EmulatorConfig.defaults()); }

    public EmulatorConfig config() { return config; }

    public RegionEngine region(Region region) { return regions.get(region); }

    public ApiKeyDirectory apiKeys() { return apiKeys; }

    /** Loads a seed document atomically: on any error nothing changes and the error names the field. */
    public void seed(SeedDocument doc) { new Seeder(this).seed(doc); }

    /** Forgets everything: all regions, all tenants, all API-key mappings. */
    public void reset() {
        writeAllRegions(() -> {
            for (RegionEngine e : regions.values()) {
                RegionState s = e.state();
                s.registries.clear();
                s.registriesByName.clear();
                s.proxyCaches.clear();
                s.users.clear();
                s.uploads.clear();
                s.blobs.clear();
            }
            apiKeys.clear();
        });
    }

    /** Forgets one tenant's registries, proxy caches, users and API keys, in every region. */
    public void resetTenant(String tenantId) {
        writeAllRegions(() -> {
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
            }
            apiKeys.removeTenant(tenantId);
        });
    }

    RegionState state(Region r) { return regions.get(r).state(); }

    /** Runs {@code body} holding every region's write lock, in a fixed order (no deadlock). */
    void writeAllRegions(Runnable body) {
        lockAll(0, body);
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
