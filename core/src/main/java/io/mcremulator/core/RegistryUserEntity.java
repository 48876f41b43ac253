package io.mcremulator.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A registry user (MCR {@code /v0/users}) of one region: the identity of a caller, {@code username} (the JWT
 * {@code sub} or the API key's user) in {@code tenantId}, under an id that memberships name. Guarded by the region
 * lock.
 */
final class RegistryUserEntity {
    final UUID id;
    final String tenantId;
    final String username;
    final Instant createdAt;

    RegistryUserEntity(UUID id, String tenantId, String username, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.username = username;
        this.createdAt = createdAt;
    }

    boolean is(String tenant, String user) {
        return tenantId.equals(tenant) && username.equals(user);
    }
}
