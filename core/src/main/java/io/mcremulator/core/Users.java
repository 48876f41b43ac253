package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.model.UserInfo;
import java.util.Map;
import java.util.UUID;

/**
 * Registry users of one region ({@code /v0/users}): each stands for one caller identity (tenant + user id). Choices
 * where the spec is silent are in docs/behaviour.md, "Registry users".
 */
public final class Users {
    private final RegionState s;

    Users(RegionState s) {
        this.s = s;
    }

    /**
     * Creates the caller's registry user, or returns it when it exists (a second call changes nothing). Its id is
     * the caller's user id when that is a UUID no other registry user of the region has, else a new one.
     */
    public UserInfo create(Principal p) {
        return s.write(() -> {
            RegistryUserEntity u = s.registryUserOf(p);
            if (u == null) {
                u = new RegistryUserEntity(newId(p.userId()), p.tenantId(), p.userId(), s.now());
                s.registryUsers.put(u.id, u);
            }
            return view(u);
        });
    }

    /** The caller's registry user; 404 when it has none. */
    public UserInfo get(Principal p) {
        return s.read(() -> {
            RegistryUserEntity u = s.registryUserOf(p);
            if (u == null) {
                throw new EmulatorException(
                        ErrorCode.NOT_FOUND,
                        "error when getting resource: you have no registry user in region " + s.region.id()
                                + "; create it with POST /v0/users",
                        Map.of("resource", "user"));
            }
            return view(u);
        });
    }

    /**
     * Deletes a registry user and all its memberships. Only the user itself may: another user of the same tenant is
     * 403, another tenant's (or an unknown id) 404.
     */
    public void delete(Principal p, UUID id) {
        s.writeRun(() -> {
            RegistryUserEntity u = s.registryUsers.get(id);
            if (u == null || !u.tenantId.equals(p.tenantId())) throw EmulatorException.notFound("user", id.toString());
            if (!u.username.equals(p.userId())) {
                throw new EmulatorException(
                        ErrorCode.FORBIDDEN,
                        "user not allowed: a registry user can only be deleted by itself (user " + id
                                + " is another caller's)",
                        Map.of("user_id", id.toString()));
            }
            s.registryUsers.remove(id);
            for (RegistryEntity r : s.registries.values()) r.members.values().removeIf(m -> m.userId.equals(id));
        });
    }

    private UUID newId(String userId) {
        try {
            UUID asId = UUID.fromString(userId);
            if (asId.toString().equalsIgnoreCase(userId) && !s.registryUsers.containsKey(asId)) return asId;
        } catch (IllegalArgumentException e) {
            // not a UUID: a fresh id below
        }
        UUID id;
        do id = s.config.ids().uuid();
        while (s.registryUsers.containsKey(id));
        return id;
    }

    static UserInfo view(RegistryUserEntity u) {
        return new UserInfo(u.id, u.tenantId, u.username, u.createdAt);
    }
}
