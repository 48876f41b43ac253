package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.BlobStore;
import io.mcremulator.core.blob.StorageQuota;
import io.mcremulator.core.blob.UploadSessions;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.ProxyCacheInfo;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.model.RepositoryInfo;
import io.mcremulator.core.model.TagInfo;
import io.mcremulator.core.paging.SortedOrders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * All state of one region, behind one read/write lock: reads run in parallel, every mutation is atomic.
 * Lookups here apply tenant isolation: another tenant's resource is "not found".
 * <p>
 * Every mutation MUST run inside {@link #write}: the derived caches ({@link #orders}, the storage usage per
 * registry) are dropped when a write ends and are trusted by reads until then.
 */
final class RegionState {
    static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    final Region region;
    final EmulatorConfig config;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    final Map<UUID, RegistryEntity> registries = new LinkedHashMap<>();
    final Map<String, RegistryEntity> registriesByName = new HashMap<>();
    final Map<UUID, ProxyCacheEntity> proxyCaches = new LinkedHashMap<>();
    final Map<String, UserEntity> users = new HashMap<>();
    /** Registry users ({@code /v0/users}) by id, in creation order. */
    final Map<UUID, RegistryUserEntity> registryUsers = new LinkedHashMap<>();
    /**
     * Where each scan (parents and children) lives: registry, repository, image digest and the id of its job's top
     * scan. An entry whose image is gone is stale and dropped when met; the scans themselves live on their image.
     */
    final Map<UUID, ScanRef> scanIndex = new LinkedHashMap<>();
    /** Scan test controls and findings, shared by every region. */
    final io.mcremulator.core.scan.ScanControls scanControls;

    final io.mcremulator.core.scan.FindingsBook findings;

    record ScanRef(UUID registryId, UUID repositoryId, String digest, UUID topId) {}
    /** OCI data plane: this region's blobs and open uploads (their own thread safety; links live in the entities). */
    final BlobStore blobs;

    final UploadSessions uploads;

    /** Sorted orders of list operations, valid until the next write (see {@link SortedOrders}). */
    final SortedOrders orders = new SortedOrders();
    /** Storage usage per registry (a walk over all its images), valid until the next write. */
    private final Map<RegistryEntity, Long> storageUsage = new ConcurrentHashMap<>();

    /** Counts each write section as a change (persistence listens to it). */
    private final Changes changes;

    RegionState(
            Region region,
            EmulatorConfig config,
            StorageQuota quota,
            io.mcremulator.core.scan.ScanControls scanControls,
            io.mcremulator.core.scan.FindingsBook findings,
            Changes changes) {
        this.region = region;
        this.config = config;
        this.scanControls = scanControls;
        this.findings = findings;
        this.changes = changes;
        this.blobs = config.dataDir() != null
                ? BlobStore.persistent(config.dataDir(), region.id(), quota)
                : new BlobStore(config.blobStorage().folder(), region.id(), quota);
        this.uploads =
                new UploadSessions(blobs, config.clock(), config.blobStorage().uploadExpiry());
    }

    <T> T read(Supplier<T> body) {
        changes.enter();
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
            changes.exitRead();
        }
    }

    <T> T write(Supplier<T> body) {
        changes.enter();
        boolean completed = false;
        lock.writeLock().lock();
        try {
            T result = body.get();
            completed = true;
            return result;
        } finally {
            orders.clear();
            if (!storageUsage.isEmpty()) storageUsage.clear();
            lock.writeLock().unlock();
            changes.exitWrite(completed); // after the unlock: a write-through listener may wait for the disk here
        }
    }

    void writeRun(Runnable body) {
        write(() -> {
            body.run();
            return null;
        });
    }

    Instant now() {
        return config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    // ---- lookups with tenant isolation ----

    RegistryEntity registry(Principal p, UUID id) {
        RegistryEntity r = registries.get(id);
        if (r == null || !r.tenantId.equals(p.tenantId())) throw EmulatorException.notFound("registry", id.toString());
        return r;
    }

    RepositoryEntity repository(RegistryEntity reg, UUID id) {
        RepositoryEntity r = reg.repositoriesById.get(id);
        if (r == null) throw EmulatorException.notFound("repository", id.toString());
        return r;
    }

    RepositoryEntity repository(RegistryEntity reg, String name) {
        RepositoryEntity r = reg.repositories.get(name);
        if (r == null) throw EmulatorException.notFound("repository", name);
        return r;
    }

    ImageEntity image(RepositoryEntity repo, String digestOrTag) {
        return repo.byDigestOrTag(digestOrTag).orElseThrow(() -> EmulatorException.notFound("image", digestOrTag));
    }

    ProxyCacheEntity proxyCache(Principal p, UUID id) {
        ProxyCacheEntity pc = proxyCaches.get(id);
        if (pc == null || !pc.tenantId.equals(p.tenantId()))
            throw EmulatorException.notFound("proxy cache", id.toString());
        return pc;
    }

    /** True when a scan (parent or child) with this id is on an image of this region; stale index entries are not. */
    boolean scanExists(UUID id) {
        ScanRef ref = scanIndex.get(id);
        if (ref == null) return false;
        RegistryEntity reg = registries.get(ref.registryId());
        RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
        ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
        return img != null && img.scans.containsKey(ref.topId());
    }

    /** The registry user that stands for caller {@code p} (same tenant and user id), or null. */
    RegistryUserEntity registryUserOf(Principal p) {
        for (RegistryUserEntity u : registryUsers.values()) if (u.is(p.tenantId(), p.userId())) return u;
        return null;
    }

    /** Rebuilds {@link #scanIndex} from the scans on the images (after a restore or a seed). */
    void reindexScans() {
        scanIndex.clear();
        for (RegistryEntity reg : registries.values())
            for (RepositoryEntity repo : reg.repositories.values())
                for (ImageEntity img : repo.images.values())
                    for (ScanEntity top : img.scans.values()) {
                        ScanRef ref = new ScanRef(reg.id, repo.id, img.digest, top.id);
                        scanIndex.put(top.id, ref);
                        for (ScanEntity c : top.children) scanIndex.put(c.id, ref);
                    }
    }

    // ---- views ----

    RegistryInfo view(RegistryEntity r) {
        return new RegistryInfo(r.id, r.tenantId, r.name, r.proxyCacheId, storageUsage(r), r.createdAt, r.updatedAt);
    }

    RepositoryInfo view(RegistryEntity reg, RepositoryEntity r) {
        return new RepositoryInfo(r.id, reg.id, reg.name, r.name, r.images.size(), r.createdAt, r.updatedAt);
    }

    ImageInfo view(ImageEntity i) {
        List<TagInfo> details = new ArrayList<>(i.tags.size());
        for (TagEntity t : i.tags.values())
            details.add(new TagInfo(t.name, t.pushedAt, pulled(t.pulledAt, t.pushedAt), false));
        return new ImageInfo(
                i.digest,
                i.sizeBytes,
                i.pushedAt,
                pulled(i.pulledAt, i.pushedAt),
                List.copyOf(i.tags.keySet()),
                i.manifestMediaType,
                i.mediaType,
                List.copyOf(details),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(i.extraAttr)));
    }

    private long storageUsage(RegistryEntity r) {
        // Empty registries cost nothing to count; mid-write the state may still change.
        if (r.repositories.isEmpty() || lock.isWriteLockedByCurrentThread()) return r.storageUsageBytes();
        return storageUsage.computeIfAbsent(r, RegistryEntity::storageUsageBytes);
    }

    ProxyCacheInfo view(ProxyCacheEntity pc) {
        return new ProxyCacheInfo(
                pc.id,
                pc.tenantId,
                pc.name,
                pc.provider,
                pc.url,
                pc.description == null ? "" : pc.description,
                pc.createdAt,
                pc.updatedAt);
    }

    private Instant pulled(Instant pulledAt, Instant pushedAt) {
        if (pulledAt != null) return pulledAt;
        return config.neverPulled() == EmulatorConfig.NeverPulled.PUSHED_AT ? pushedAt : ZERO_TIME;
    }
}
