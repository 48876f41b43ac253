package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registry operations of one region. */
public final class Registries {
    public static final SortFields<RegistryInfo> SORT = SortFields.<RegistryInfo>builder()
            .field("name", RegistryInfo::name)
            .field("created_at", RegistryInfo::createdAt)
            .field("updated_at", RegistryInfo::updatedAt)
            .field("storage_usage_bytes", RegistryInfo::storageUsageBytes)
            .defaultSort("created_at:asc")
            .tieBreak(Comparator.comparing(RegistryInfo::name))
            .build();

    private final RegionState s;

    Registries(RegionState s) {
        this.s = s;
    }

    public RegistryInfo create(Principal p, String name, UUID proxyCacheId) {
        Names.checkResourceName("name", name, 1, s.config.registryNameMaxLength());
        return s.write(() -> {
            if (proxyCacheId != null) s.proxyCache(p, proxyCacheId);
            if (s.registriesByName.containsKey(name)) {
                throw EmulatorException.conflict(
                        "resource already exists: a registry named '" + name + "' already exists", "name", name);
            }
            RegistryEntity r = new RegistryEntity(s.config.ids().uuid(), p.tenantId(), name, proxyCacheId, s.now());
            r.createdBy = p.userId();
            s.registries.put(r.id, r);
            s.registriesByName.put(name, r);
            return s.view(r);
        });
    }

    public Page<RegistryInfo> list(Principal p, PageRequest req, String nameContains) {
        return s.read(() -> Paging.page(
                s.orders,
                List.of("registries", p.tenantId()),
                () -> s.registries.values().stream()
                        .filter(r -> r.tenantId.equals(p.tenantId()))
                        .toList(),
                s::view,
                r -> nameContains == null || r.name().contains(nameContains),
                nameContains,
                req,
                SORT));
    }

    public RegistryInfo get(Principal p, UUID id) {
        return s.read(() -> s.view(s.registry(p, id)));
    }

    public void delete(Principal p, UUID id) {
        s.writeRun(() -> {
            RegistryEntity r = s.registry(p, id);
            if (!r.repositories.isEmpty()
                    && s.config.nonEmptyRegistryDelete() == EmulatorConfig.NonEmptyRegistryDelete.CONFLICT) {
                throw new EmulatorException(
                        ErrorCode.CONFLICT,
                        "registry '" + r.name + "' still has " + r.repositories.size()
                                + " repositories; delete them first",
                        Map.of("registry_id", id.toString()));
            }
            s.registries.remove(id);
            s.registriesByName.remove(r.name);
            s.uploads.removeIf(name -> BlobGc.inRegistry(name, r.name));
            BlobGc.collect(s, BlobGc.heldBy(r));
        });
    }
}
