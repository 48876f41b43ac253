package io.mcremulator.junit;

import io.mcremulator.core.Region;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.ProxyCacheInfo;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.model.RepositoryInfo;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of one tenant's state in one region, read straight from the engine (no HTTP), for assertions.
 * Lists are in the API's default order; every call reads the current state.
 */
public interface McrState {
    Region region();

    /** The same tenant's state in another region. */
    McrState in(Region region);

    List<RegistryInfo> registries();

    Optional<RegistryInfo> registry(String name);

    /** Repositories of the tenant's registry of this name; fails naming the registry if there is none. */
    List<RepositoryInfo> repositories(String registryName);

    /** Images of one repository; fails naming the registry or repository if there is none. */
    List<ImageInfo> images(String registryName, String repositoryName);

    List<ProxyCacheInfo> proxyCaches();

    Optional<ProxyCacheInfo> proxyCache(String name);
}
