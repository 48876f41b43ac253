package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.OciName;
import java.util.Map;

/**
 * Who may push and pull what over /v2: a user reaches only the registries of their own tenant, and only
 * registries created through the management API. Call under the region lock.
 */
final class OciAccess {
    private OciAccess() {}

    static RegistryEntity forPull(RegionState s, Principal p, OciName n) {
        RegistryEntity reg = s.registriesByName.get(n.registry());
        if (reg == null) {
            throw new EmulatorException(
                    ErrorCode.NAME_UNKNOWN,
                    "repository name not known to registry: there is no registry '" + n.registry() + "' in region "
                            + s.region.id(),
                    Map.of("name", n.full()));
        }
        return owned(s, p, n, reg);
    }

    static RegistryEntity forPush(RegionState s, Principal p, OciName n) {
        RegistryEntity reg = s.registriesByName.get(n.registry());
        if (reg == null) {
            throw new EmulatorException(
                    ErrorCode.NAME_UNKNOWN,
                    "registry '" + n.registry() + "' does not exist in region "
                            + s.region.id() + ": create it first (POST /v0/registries {\"name\":\"" + n.registry()
                            + "\"}); the first"
                            + " path segment of an image name is the registry",
                    Map.of("name", n.full()));
        }
        owned(s, p, n, reg);
        if (reg.proxyCacheId != null) {
            throw new EmulatorException(
                    ErrorCode.DENIED,
                    "registry '" + reg.name + "' is a proxy cache: it cannot be pushed to",
                    Map.of("name", n.full()));
        }
        return reg;
    }

    private static RegistryEntity owned(RegionState s, Principal p, OciName n, RegistryEntity reg) {
        if (!reg.tenantId.equals(p.tenantId())) {
            throw new EmulatorException(
                    ErrorCode.DENIED,
                    "requested access to the resource is denied: registry '" + reg.name + "' belongs to another tenant",
                    Map.of("name", n.full()));
        }
        return reg;
    }

    static RepositoryEntity repository(RegistryEntity reg, OciName n) {
        RepositoryEntity repo = reg.repositories.get(n.repository());
        if (repo == null) {
            throw new EmulatorException(
                    ErrorCode.NAME_UNKNOWN,
                    "repository name not known to registry: " + n.full(),
                    Map.of("name", n.full()));
        }
        return repo;
    }
}
