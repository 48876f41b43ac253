package io.mcremulator.junit;

import io.mcremulator.core.Emulator;
import io.mcremulator.core.Images;
import io.mcremulator.core.ProxyCaches;
import io.mcremulator.core.Region;
import io.mcremulator.core.Registries;
import io.mcremulator.core.Repositories;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.ProxyCacheInfo;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.model.RepositoryInfo;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.SortFields;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** {@link McrState} read through the engine's own operations, as the tenant's primary user. */
record DefaultState(Emulator engine, Principal principal, Region region) implements McrState {
    private static PageRequest all(SortFields<?> fields) {
        return PageRequest.of(Integer.MAX_VALUE, 0, fields.defaultSort());
    }

    @Override
    public McrState in(Region other) {
        return new DefaultState(engine, principal, other);
    }

    @Override
    public List<RegistryInfo> registries() {
        return engine.region(region)
                .registries()
                .list(principal, all(Registries.SORT), null)
                .results();
    }

    @Override
    public Optional<RegistryInfo> registry(String name) {
        return registries().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private RegistryInfo requireRegistry(String name) {
        return registry(name)
                .orElseThrow(() -> new NoSuchElementException("tenant " + principal.tenantId()
                        + " has no registry named '" + name + "' in " + region.id() + "; it has "
                        + registries().stream().map(RegistryInfo::name).toList()));
    }

    @Override
    public List<RepositoryInfo> repositories(String registryName) {
        return engine.region(region)
                .repositories()
                .list(principal, requireRegistry(registryName).id(), all(Repositories.SORT), null)
                .results();
    }

    @Override
    public List<ImageInfo> images(String registryName, String repositoryName) {
        RegistryInfo reg = requireRegistry(registryName);
        if (!engine.region(region).repositories().exists(principal, reg.id(), repositoryName)) {
            throw new NoSuchElementException(
                    "registry '" + registryName + "' has no repository named '" + repositoryName + "'");
        }
        return engine.region(region)
                .images()
                .list(principal, reg.id(), Images.RepoRef.byName(repositoryName), all(Images.SORT), null)
                .results();
    }

    @Override
    public List<ProxyCacheInfo> proxyCaches() {
        return engine.region(region)
                .proxyCaches()
                .list(principal, all(ProxyCaches.SORT))
                .results();
    }

    @Override
    public Optional<ProxyCacheInfo> proxyCache(String name) {
        return proxyCaches().stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
