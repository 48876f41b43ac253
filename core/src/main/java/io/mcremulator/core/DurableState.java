package io.mcremulator.core;

import io.mcremulator.core.seed.SeedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What persistence ({@code --data-dir}) saves of the state, taken in one consistent instant by
 * {@link Emulator#durableState()} and put back into an empty engine at start by {@link Emulator#load}.
 * <p>
 * The bulk is the export document ({@link StateExporter} with content: every region's tenants, users, API keys,
 * proxy caches, registries, repositories, images with their manifests), so <b>a new kind of entity is saved and
 * restored as soon as the export and the seed format carry it</b>: add it to {@link SeedDocument},
 * {@link StateExporter} and {@link Seeder} (and the server's SeedWriter/SeedParser), and nothing here needs to
 * change. Blob bytes are not in it: they are files of the data dir ({@link io.mcremulator.core.blob.BlobStore}).
 * The extras hold what the export format leaves out but a restart must keep: per-tag push and pull times, and
 * which repository links which blobs (blobs uploaded but not yet used by a manifest included).
 * <p>
 * Not saved, by design: uploads in progress, named in-memory snapshots, password generations (registry tokens do
 * not survive a restart; clients log in again), the controllable clock's offset, faults and the request journal.
 */
public record DurableState(
        SeedDocument document,
        List<TagTimes> tagTimes,
        List<BlobLinks> blobLinks,
        java.util.Map<Region, Set<String>> storedBlobs) {
    public DurableState {
        Objects.requireNonNull(document);
        tagTimes = tagTimes == null ? List.of() : List.copyOf(tagTimes);
        blobLinks = blobLinks == null ? List.of() : List.copyOf(blobLinks);
        storedBlobs = storedBlobs == null ? java.util.Map.of() : java.util.Map.copyOf(storedBlobs);
    }

    /** A state read back from the disk (which blobs were stored is known from the blob folder). */
    public DurableState(SeedDocument document, List<TagTimes> tagTimes, List<BlobLinks> blobLinks) {
        this(document, tagTimes, blobLinks, null);
    }

    /** A tag whose push or pull time differs from its image's (the seed format keeps the image's only). */
    public record TagTimes(
            String region,
            UUID registryId,
            String repository,
            String digest,
            String tag,
            Instant pushedAt,
            Instant pulledAt) {}

    /** The blobs a repository of a registry may see (uploaded, mounted or referenced). */
    public record BlobLinks(String region, UUID registryId, String repository, List<String> digests) {
        public BlobLinks {
            digests = List.copyOf(digests);
        }
    }

    /** Takes the state of {@code emulator}; the caller holds every region's lock. */
    static DurableState take(Emulator emulator) {
        SeedDocument doc = StateExporter.export(emulator, null, true, false);
        List<TagTimes> times = new ArrayList<>();
        List<BlobLinks> links = new ArrayList<>();
        java.util.Map<Region, Set<String>> stored = new java.util.EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            RegionState s = emulator.state(region);
            stored.put(region, s.blobs.digests());
            for (RegistryEntity reg : s.registries.values()) {
                for (RepositoryEntity repo : reg.repositories.values()) {
                    for (ImageEntity img : repo.images.values()) {
                        for (TagEntity t : img.tags.values()) {
                            Instant seededPull = img.pulledAt;
                            if (!t.pushedAt.equals(img.pushedAt) || !Objects.equals(t.pulledAt, seededPull)) {
                                times.add(new TagTimes(
                                        region.id(), reg.id, repo.name, img.digest, t.name, t.pushedAt, t.pulledAt));
                            }
                        }
                    }
                }
                reg.blobLinks.forEach((repo, digests) -> {
                    if (!digests.isEmpty())
                        links.add(new BlobLinks(
                                region.id(), reg.id, repo, new ArrayList<>(new java.util.TreeSet<>(digests))));
                });
            }
        }
        return new DurableState(doc, times, links, stored);
    }

    /** Puts the extras back after the document was seeded; the caller holds every region's write lock. */
    void applyExtras(Emulator emulator) {
        for (TagTimes t : tagTimes) {
            RegionState s = emulator.state(region(t.region()));
            RegistryEntity reg = s.registries.get(t.registryId());
            RepositoryEntity repo = reg == null ? null : reg.repositories.get(t.repository());
            ImageEntity img = repo == null ? null : repo.images.get(t.digest());
            TagEntity tag = img == null ? null : img.tags.get(t.tag());
            if (tag == null) continue;
            if (t.pushedAt() != null) tag.pushedAt = t.pushedAt();
            tag.pulledAt = t.pulledAt();
        }
        for (BlobLinks l : blobLinks) {
            RegionState s = emulator.state(region(l.region()));
            RegistryEntity reg = s.registries.get(l.registryId());
            if (reg == null) continue;
            Set<String> into = reg.links(l.repository());
            for (String d : l.digests()) if (s.blobs.has(d)) into.add(d);
        }
        for (Region r : Region.values()) BlobGc.collect(emulator.state(r));
    }

    private static Region region(String id) {
        return Region.parse(id).orElse(Region.DEFAULT);
    }
}
