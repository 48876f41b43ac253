package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deep, exact copy of the emulator's state at one instant (every region, every tenant, the API-key mappings,
 * image manifests, blob bytes and links, and password generations included; uploads in progress are not kept), taken by {@link Emulator#checkpoint()} and put back by
 * {@link Emulator#restore(StateSnapshot)}. Unlike an export it loses nothing; it lives only in memory.
 * Immutable: restoring copies it again, so one snapshot can be restored any number of times.
 */
public final class StateSnapshot {
    private final Map<Region, RegionCopy> regions;
    private final Map<String, Principal> apiKeys;
    private final Instant takenAt;
    private final List<io.mcremulator.core.scan.FindingsRule> findings;

    /** One region's entities, each a private copy. */
    record RegionCopy(
            List<RegistryEntity> registries,
            List<ProxyCacheEntity> proxyCaches,
            List<UserEntity> users,
            Map<String, byte[]> blobs,
            List<RegistryUserEntity> registryUsers) {}

    private StateSnapshot(
            Map<Region, RegionCopy> regions,
            Map<String, Principal> apiKeys,
            Instant takenAt,
            List<io.mcremulator.core.scan.FindingsRule> findings) {
        this.findings = List.copyOf(findings);
        this.regions = regions;
        this.apiKeys = apiKeys;
        this.takenAt = takenAt;
    }

    /** When it was taken, by the engine's clock. */
    public Instant takenAt() {
        return takenAt;
    }

    /** Copies {@code emulator}'s state; the caller holds every region's lock. */
    static StateSnapshot take(Emulator emulator, Instant now) {
        Map<Region, RegionCopy> regions = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            RegionState s = emulator.state(r);
            List<RegistryEntity> registries = new ArrayList<>();
            for (RegistryEntity e : s.registries.values()) registries.add(copy(e));
            List<ProxyCacheEntity> caches = new ArrayList<>();
            for (ProxyCacheEntity e : s.proxyCaches.values()) caches.add(copy(e));
            List<UserEntity> users = new ArrayList<>();
            for (UserEntity e : s.users.values()) users.add(copy(e));
            // registry users are immutable: the same objects can be shared
            regions.put(
                    r,
                    new RegionCopy(
                            registries, caches, users, s.blobs.copyContent(), List.copyOf(s.registryUsers.values())));
        }
        return new StateSnapshot(
                regions,
                new LinkedHashMap<>(emulator.apiKeys().all()),
                now,
                emulator.findingsBook().copy());
    }

    /** Replaces {@code emulator}'s state with a copy of this snapshot; the caller holds every region's write lock. */
    void putInto(Emulator emulator) {
        for (Region r : Region.values()) {
            RegionState s = emulator.state(r);
            RegionCopy c = regions.get(r);
            s.registries.clear();
            s.registriesByName.clear();
            s.proxyCaches.clear();
            s.users.clear();
            s.registryUsers.clear();
            for (RegistryUserEntity u : c.registryUsers()) s.registryUsers.put(u.id, u);
            for (RegistryEntity e : c.registries()) {
                RegistryEntity copy = copy(e);
                s.registries.put(copy.id, copy);
                s.registriesByName.put(copy.name, copy);
            }
            for (ProxyCacheEntity e : c.proxyCaches()) s.proxyCaches.put(e.id, copy(e));
            for (UserEntity e : c.users()) s.users.put(e.key(), copy(e));
            s.uploads.clear(); // uploads in progress are not part of a checkpoint
            s.blobs.replaceContent(c.blobs());
            s.reindexScans();
        }
        emulator.findingsBook().replaceAll(findings);
        emulator.apiKeys().clear();
        apiKeys.forEach(emulator.apiKeys()::register);
    }

    // ---- deep copies of the mutable entities ----

    static RegistryEntity copy(RegistryEntity e) {
        RegistryEntity c = new RegistryEntity(e.id, e.tenantId, e.name, e.proxyCacheId, e.createdAt);
        c.updatedAt = e.updatedAt;
        c.createdBy = e.createdBy;
        for (MemberEntity m : e.members.values()) c.putMember(m.copy());
        for (RepositoryEntity repo : e.repositories.values()) c.addRepository(copy(repo));
        e.blobLinks.forEach((repo, digests) -> c.links(repo).addAll(digests));
        return c;
    }

    static RepositoryEntity copy(RepositoryEntity e) {
        RepositoryEntity c = new RepositoryEntity(e.id, e.name, e.createdAt);
        c.updatedAt = e.updatedAt;
        for (ImageEntity img : e.images.values()) c.images.put(img.digest, copy(img));
        c.tagIndex.putAll(e.tagIndex);
        return c;
    }

    static ImageEntity copy(ImageEntity e) {
        ImageEntity c = new ImageEntity(e.digest);
        c.manifest = e.manifest == null ? null : e.manifest.clone();
        c.manifestMediaType = e.manifestMediaType;
        c.mediaType = e.mediaType;
        c.sizeBytes = e.sizeBytes;
        c.pushedAt = e.pushedAt;
        c.pulledAt = e.pulledAt;
        c.extraAttr = new LinkedHashMap<>(e.extraAttr);
        c.references = new LinkedHashMap<>(e.references);
        c.subject = e.subject;
        c.artifactType = e.artifactType;
        c.annotations = new LinkedHashMap<>(e.annotations);
        for (TagEntity t : e.tags.values()) {
            TagEntity tc = new TagEntity(t.name, t.pushedAt);
            tc.pulledAt = t.pulledAt;
            c.tags.put(tc.name, tc);
        }
        for (ScanEntity scan : e.scans.values()) c.scans.put(scan.id, scan.copy());
        return c;
    }

    static ProxyCacheEntity copy(ProxyCacheEntity e) {
        ProxyCacheEntity c = new ProxyCacheEntity(e.id, e.tenantId, e.name, e.provider, e.url, e.createdAt);
        c.accessKey = e.accessKey;
        c.accessSecret = e.accessSecret;
        c.description = e.description;
        c.updatedAt = e.updatedAt;
        return c;
    }

    static UserEntity copy(UserEntity e) {
        UserEntity c = new UserEntity(e.userId, e.tenantId, e.email, e.password);
        c.generation = e.generation;
        return c;
    }
}
