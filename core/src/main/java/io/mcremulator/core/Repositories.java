package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.RepositoryInfo;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/** Repository operations of one region: by id (v1 routes) and by name (deprecated v0 routes). */
public final class Repositories {
    public static final SortFields<RepositoryInfo> SORT = SortFields.<RepositoryInfo>builder()
            .field("name", RepositoryInfo::name)
            .field("image_count", RepositoryInfo::imageCount)
            .field("created_at", RepositoryInfo::createdAt)
            .field("updated_at", RepositoryInfo::updatedAt)
            .defaultSort("created_at:desc")
            .tieBreak(Comparator.comparing(RepositoryInfo::name))
            .build();

    private final RegionState s;

    Repositories(RegionState s) {
        this.s = s;
    }

    public Page<RepositoryInfo> list(Principal p, UUID registryId, PageRequest req, String nameContains) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            return Paging.page(
                    s.orders,
                    reg,
                    reg.repositories::values,
                    r -> s.view(reg, r),
                    r -> nameContains == null || r.name().contains(nameContains),
                    nameContains,
                    req,
                    SORT);
        });
    }

    public RepositoryInfo get(Principal p, UUID registryId, UUID repositoryId) {
        return get(p, registryId, reg -> s.repository(reg, repositoryId));
    }

    public RepositoryInfo get(Principal p, UUID registryId, String repositoryName) {
        return get(p, registryId, reg -> s.repository(reg, repositoryName));
    }

    /** True if the registry holds a repository of exactly this name (used to disambiguate v0 paths). */
    public boolean exists(Principal p, UUID registryId, String repositoryName) {
        return s.read(() -> s.registry(p, registryId).repositories.containsKey(repositoryName));
    }

    /** Deletes a repository with all its images; blobs nothing references any more are freed. */
    public void delete(Principal p, UUID registryId, UUID repositoryId) {
        delete(p, registryId, reg -> s.repository(reg, repositoryId));
    }

    public void delete(Principal p, UUID registryId, String repositoryName) {
        delete(p, registryId, reg -> s.repository(reg, repositoryName));
    }

    private RepositoryInfo get(Principal p, UUID registryId, Function<RegistryEntity, RepositoryEntity> find) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            return s.view(reg, find.apply(reg));
        });
    }

    private void delete(Principal p, UUID registryId, Function<RegistryEntity, RepositoryEntity> find) {
        s.writeRun(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            RepositoryEntity repo = find.apply(reg);
            java.util.Set<String> held = BlobGc.heldBy(reg, repo);
            reg.removeRepository(repo.name);
            reg.updatedAt = s.now();
            String ociName = reg.name + "/" + repo.name;
            s.uploads.removeIf(ociName::equals);
            BlobGc.collect(s, held);
        });
    }
}
