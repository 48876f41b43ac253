package io.mcremulator.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Mutable registry state, guarded by the region lock. */
final class RegistryEntity {
    final UUID id;
    final String tenantId;
    final String name;
    final UUID proxyCacheId;
    final Instant createdAt;
    Instant updatedAt;
    final Map<String, RepositoryEntity> repositories = new TreeMap<>();
    final Map<UUID, RepositoryEntity> repositoriesById = new HashMap<>();
    /**
     * OCI blob links: repository path to the digests uploaded or mounted into it. A repository may have links
     * before it exists (blobs are pushed before the manifest that creates it).
     */
    final Map<String, Set<String>> blobLinks = new HashMap<>();
    /** Who created it (the creator's user id, in {@link #tenantId}); null when unknown (seeded without one). */
    String createdBy;
    /** Memberships by id, in the order they were added. Deleting the registry deletes them. */
    final Map<UUID, MemberEntity> members = new java.util.LinkedHashMap<>();

    RegistryEntity(UUID id, String tenantId, String name, UUID proxyCacheId, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.proxyCacheId = proxyCacheId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The membership of registry user {@code userId}, or null. */
    MemberEntity memberOf(UUID userId) {
        for (MemberEntity m : members.values()) if (m.userId.equals(userId)) return m;
        return null;
    }

    void addRepository(RepositoryEntity r) {
        repositories.put(r.name, r);
        repositoriesById.put(r.id, r);
    }

    RepositoryEntity removeRepository(String name) {
        blobLinks.remove(name);
        RepositoryEntity r = repositories.remove(name);
        if (r != null) repositoriesById.remove(r.id);
        return r;
    }

    Set<String> links(String repository) {
        return blobLinks.computeIfAbsent(repository, k -> new java.util.HashSet<>());
    }

    boolean linked(String repository, String digest) {
        Set<String> l = blobLinks.get(repository);
        return l != null && l.contains(digest);
    }

    /** Bytes stored for this registry: every distinct blob and manifest its images reference, counted once. */
    long storageUsageBytes() {
        if (repositories.isEmpty()) return 0; // most registries of a list page: no map, no iterator
        Map<String, Long> distinct = new HashMap<>();
        for (RepositoryEntity repo : repositories.values())
            for (ImageEntity img : repo.images.values()) distinct.putAll(img.storedContent());
        long sum = 0;
        for (long v : distinct.values()) sum += v;
        return sum;
    }
}
