package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.model.MemberInfo;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Members of the registries of one region ({@code /v0/registries/{id}/members}): registry users with a role.
 * The registry is looked up as every management operation does (another tenant's is 404); the user may be of any
 * tenant, which is how a registry is shared across tenants. Roles gate /v2 ({@code OciAccess}).
 */
public final class Members {
    public static final SortFields<MemberInfo> SORT = SortFields.<MemberInfo>builder()
            .field("created_at", MemberInfo::createdAt)
            .field("updated_at", MemberInfo::updatedAt)
            .field("role", m -> m.role().apiName())
            .field("user_id", m -> m.userId().toString())
            .field("id", m -> m.id().toString())
            .defaultSort("created_at:desc")
            .tieBreak(Comparator.comparing(m -> m.id().toString()))
            .build();

    private final RegionState s;

    Members(RegionState s) {
        this.s = s;
    }

    /** Adds registry user {@code userId} with {@code role} (null: guest); 404 unknown user, 409 already a member. */
    public MemberInfo add(Principal p, UUID registryId, UUID userId, MemberRole role) {
        MemberRole r = role == null ? MemberRole.GUEST : role;
        return s.write(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            if (!s.registryUsers.containsKey(userId)) throw EmulatorException.notFound("user", userId.toString());
            if (reg.memberOf(userId) != null) {
                throw EmulatorException.conflict(
                        "resource already exists: user " + userId + " is already a member of registry '" + reg.name
                                + "'; change its role with PATCH",
                        "user_id",
                        userId.toString());
            }
            MemberEntity m = new MemberEntity(s.config.ids().uuid(), userId, r, s.now());
            reg.putMember(m);
            return view(reg, m);
        });
    }

    public Page<MemberInfo> list(Principal p, UUID registryId, PageRequest req) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            return Paging.page(
                    s.orders,
                    List.of("members", reg.id),
                    () -> reg.members.values(),
                    m -> view(reg, m),
                    m -> true,
                    null,
                    req,
                    SORT);
        });
    }

    public MemberInfo get(Principal p, UUID registryId, UUID memberId) {
        return s.read(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            return view(reg, member(reg, memberId));
        });
    }

    public MemberInfo updateRole(Principal p, UUID registryId, UUID memberId, MemberRole role) {
        return s.write(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            MemberEntity m = member(reg, memberId);
            if (m.role != role) {
                m.role = role;
                m.updatedAt = s.now();
            }
            return view(reg, m);
        });
    }

    public void delete(Principal p, UUID registryId, UUID memberId) {
        s.writeRun(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            member(reg, memberId);
            reg.removeMember(memberId);
        });
    }

    private static MemberEntity member(RegistryEntity reg, UUID id) {
        MemberEntity m = reg.members.get(id);
        if (m == null) throw EmulatorException.notFound("member", id.toString());
        return m;
    }

    static MemberInfo view(RegistryEntity reg, MemberEntity m) {
        return new MemberInfo(m.id, reg.id, m.userId, m.role, m.createdAt, m.updatedAt);
    }
}
