package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/** Image operations of one region, addressing the repository by id (v1) or by name (v0). */
public final class Images {
    public static final SortFields<ImageInfo> SORT = SortFields.<ImageInfo>builder()
            .field("pushed_at", ImageInfo::pushedAt)
            .field("pulled_at", ImageInfo::pulledAt)
            .field("size_bytes", ImageInfo::sizeBytes)
            .field("digest", ImageInfo::digest)
            .defaultSort("pushed_at:desc")
            .tieBreak(Comparator.comparing(ImageInfo::digest))
            .build();

    /** How a route names the repository: by id (v1) or by name (v0). */
    public record RepoRef(UUID id, String name) {
        public static RepoRef byId(UUID id) {
            return new RepoRef(id, null);
        }

        public static RepoRef byName(String name) {
            return new RepoRef(null, name);
        }
    }

    private final RegionState s;

    Images(RegionState s) {
        this.s = s;
    }

    private RepositoryEntity repo(RegistryEntity reg, RepoRef ref) {
        return ref.id() != null ? s.repository(reg, ref.id()) : s.repository(reg, ref.name());
    }

    /** Lists images; {@code tagContains} keeps images with at least one tag containing the string. */
    public Page<ImageInfo> list(Principal p, UUID registryId, RepoRef ref, PageRequest req, String tagContains) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            RepositoryEntity repo = repo(reg, ref);
            Function<ImageEntity, ImageInfo> view = s::view;
            return Paging.page(
                    s.orders,
                    repo,
                    repo.images::values,
                    view,
                    i -> tagContains == null || i.tags().stream().anyMatch(t -> t.contains(tagContains)),
                    tagContains,
                    req,
                    SORT);
        });
    }

    public ImageInfo get(Principal p, UUID registryId, RepoRef ref, String digestOrTag) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            return s.view(s.image(repo(reg, ref), digestOrTag));
        });
    }

    /** Deletes the whole image a digest or tag names, with all its tags. The repository stays, even if empty. */
    public void delete(Principal p, UUID registryId, RepoRef ref, String digestOrTag) {
        s.writeRun(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            RepositoryEntity repo = repo(reg, ref);
            ImageEntity img = s.image(repo, digestOrTag);
            repo.removeImage(img.digest);
            repo.updatedAt = s.now();
            BlobGc.unlinkUnused(reg, repo, img);
            BlobGc.collect(s, img.references.keySet());
        });
    }
}
