package io.mcremulator.core;

import java.time.Instant;
import java.util.UUID;

/** A membership of a registry user in a registry, with its role. Lives in its registry; guarded by the region lock. */
final class MemberEntity {
    final UUID id;
    final UUID userId;
    MemberRole role;
    final Instant createdAt;
    Instant updatedAt;

    MemberEntity(UUID id, UUID userId, MemberRole role, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.role = role;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    MemberEntity copy() {
        MemberEntity c = new MemberEntity(id, userId, role, createdAt);
        c.updatedAt = updatedAt;
        return c;
    }
}
