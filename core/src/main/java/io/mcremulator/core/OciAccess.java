package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.OciName;
import java.util.Map;

/**
 * Who may push and pull what over /v2, by {@link EmulatorConfig.RegistryAccess}: by default every principal of the
 * registry's tenant may do everything, and a member of another tenant what its role allows; with {@code MEMBERS}
 * only the registry's creator (everything) and its members (by role) reach it. A guest pulls; a developer pushes
 * and pulls (deletes included). Read from the state at each request, so a role change applies to the next one.
 * Call under the region lock.
 */
final class OciAccess {
    private OciAccess() {}

    /** What a caller may do with one registry. */
    enum Level {
        NONE,
        PULL,
        PUSH
    }

    static Level level(RegionState s, Principal p, RegistryEntity reg) {
        boolean sameTenant = reg.tenantId.equals(p.tenantId());
        if (s.config.registryAccess() == EmulatorConfig.RegistryAccess.TENANT) {
            if (sameTenant) return Level.PUSH;
        } else if (sameTenant && p.userId().equals(reg.createdBy)) {
            return Level.PUSH;
        }
        if (reg.members.isEmpty()) return Level.NONE;
        RegistryUserEntity u = s.registryUserOf(p);
        MemberEntity m = u == null ? null : reg.memberOf(u.id);
        if (m == null) return Level.NONE;
        return m.role == MemberRole.DEVELOPER ? Level.PUSH : Level.PULL;
    }

    static RegistryEntity forPull(RegionState s, Principal p, OciName n) {
        RegistryEntity reg = s.registriesByName.get(n.registry());
        if (reg == null) {
            throw new EmulatorException(
                    ErrorCode.NAME_UNKNOWN,
                    "repository name not known to registry: there is no registry '" + n.registry() + "' in region "
                            + s.region.id(),
                    Map.of("name", n.full()));
        }
        return allowed(s, p, n, reg, Level.PULL);
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
        allowed(s, p, n, reg, Level.PUSH);
        if (reg.proxyCacheId != null) {
            throw new EmulatorException(
                    ErrorCode.DENIED,
                    "registry '" + reg.name + "' is a proxy cache: it cannot be pushed to",
                    Map.of("name", n.full()));
        }
        return reg;
    }

    private static RegistryEntity allowed(RegionState s, Principal p, OciName n, RegistryEntity reg, Level needed) {
        Level has = level(s, p, reg);
        if (has.compareTo(needed) >= 0) return reg;
        String why;
        if (has == Level.PULL) {
            why = "you are a guest member of registry '" + reg.name + "': guests may pull only";
        } else if (reg.tenantId.equals(p.tenantId())) {
            why = "registry '" + reg.name + "' is open to its creator and its members only (--registry-access"
                    + " members), and you are neither";
        } else {
            why = "registry '" + reg.name + "' belongs to another tenant";
        }
        throw new EmulatorException(
                ErrorCode.DENIED, "requested access to the resource is denied: " + why, Map.of("name", n.full()));
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
