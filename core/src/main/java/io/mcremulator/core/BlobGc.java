package io.mcremulator.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Frees blobs nothing refers to any more. A blob lives while a repository of the region links it (it was
 * uploaded or mounted there) or an image references it. Called under the region's write lock after the
 * management API deletes an image, a repository or a registry.
 */
final class BlobGc {
    private BlobGc() {}

    static long collect(RegionState s) {
        // Management-only use (seeded metadata, no pushes) stores no blobs: skip the walk over the whole region.
        if (s.blobs.isEmpty()) return 0;
        Set<String> live = new HashSet<>();
        for (RegistryEntity reg : s.registries.values()) addHeld(reg, live);
        return s.blobs.retainOnly(live);
    }

    /**
     * Frees what a deleted entity may have been the last to keep: {@code candidates} are the digests it linked or
     * referenced. When none of them is stored (metadata-only entities, empty registries) nothing can have become
     * garbage, and the walk over the whole region is skipped.
     */
    static long collect(RegionState s, Set<String> candidates) {
        for (String d : candidates) {
            if (s.blobs.has(d)) return collect(s);
        }
        return 0;
    }

    /** Every digest a registry links or its images reference. */
    static Set<String> heldBy(RegistryEntity reg) {
        Set<String> held = new HashSet<>();
        addHeld(reg, held);
        return held;
    }

    private static void addHeld(RegistryEntity reg, Set<String> into) {
        for (Set<String> links : reg.blobLinks.values()) into.addAll(links);
        for (RepositoryEntity repo : reg.repositories.values())
            for (ImageEntity img : repo.images.values()) into.addAll(img.references.keySet());
    }

    /** Every digest a repository links or its images reference (read before the repository is removed). */
    static Set<String> heldBy(RegistryEntity reg, RepositoryEntity repo) {
        Set<String> held = new HashSet<>();
        Set<String> links = reg.blobLinks.get(repo.name);
        if (links != null) held.addAll(links);
        for (ImageEntity img : repo.images.values()) held.addAll(img.references.keySet());
        return held;
    }

    /** After an image is deleted: its blobs no other image of the repository uses stop being linked there. */
    static void unlinkUnused(RegistryEntity reg, RepositoryEntity repo, ImageEntity removed) {
        Set<String> stillUsed = new HashSet<>();
        for (ImageEntity img : repo.images.values()) stillUsed.addAll(img.references.keySet());
        Set<String> links = reg.blobLinks.get(repo.name);
        if (links == null) return;
        for (String d : removed.references.keySet()) if (!stillUsed.contains(d)) links.remove(d);
    }

    /** True if an OCI name ({@code registry/repo}) is in registry {@code registry}. */
    static boolean inRegistry(String ociName, String registry) {
        return ociName.startsWith(registry + "/");
    }
}
