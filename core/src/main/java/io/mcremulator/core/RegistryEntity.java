package io.mcremulator.core;

import java.time.Instant;
import java.util.Collections;
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
    // The four maps below start as the shared empty map and are made on their first write (addRepository, links,
    // putMember): most registries never hold a repository, a link or a member, and a create load keeps every new
    // registry alive, so each empty map was bytes for the young collections to copy (bench/notes.md, change 21).
    // Read them freely; write only through the methods of this class.
    /** Repositories by name, in name order. */
    Map<String, RepositoryEntity> repositories = Collections.emptyMap();

    Map<UUID, RepositoryEntity> repositoriesById = Collections.emptyMap();
    /**
     * OCI blob links: repository path to the digests uploaded or mounted into it. A repository may have links
     * before it exists (blobs are pushed before the manifest that creates it).
     */
    Map<String, Set<String>> blobLinks = Collections.emptyMap();
    /** Who created it (the creator's user id, in {@link #tenantId}); null when unknown (seeded without one). */
    String createdBy;
    /**
     * Memberships by id, in the order they were added. Deleting the registry deletes them. Removing through
     * {@code members.values().removeIf} works on the shared empty map too.
     */
    Map<UUID, MemberEntity> members = Collections.emptyMap();

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
        if (repositories.isEmpty()) {
            repositories = new TreeMap<>();
            repositoriesById = new HashMap<>();
        }
        repositories.put(r.name, r);
        repositoriesById.put(r.id, r);
    }

    RepositoryEntity removeRepository(String name) {
        blobLinks.remove(name); // a no-op on the shared empty map
        RepositoryEntity r = repositories.remove(name);
        if (r != null) repositoriesById.remove(r.id);
        return r;
    }

    /** The digests linked into {@code repository}, a live set to add to. */
    Set<String> links(String repository) {
        if (blobLinks.isEmpty()) blobLinks = new HashMap<>();
        return blobLinks.computeIfAbsent(repository, k -> new java.util.HashSet<>());
    }

    void putMember(MemberEntity m) {
        if (members.isEmpty()) members = new java.util.LinkedHashMap<>();
        members.put(m.id, m);
    }

    void removeMember(UUID memberId) {
        members.remove(memberId); // a no-op on the shared empty map
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
