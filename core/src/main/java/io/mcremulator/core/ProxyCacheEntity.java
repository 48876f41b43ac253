package io.mcremulator.core;

import java.time.Instant;
import java.util.UUID;

/** Mutable proxy-cache state, guarded by the region lock. */
final class ProxyCacheEntity {
    final UUID id;
    final String tenantId;
    String name;
    final String provider;
    String url;
    String accessKey;
    String accessSecret;
    String description;
    final Instant createdAt;
    Instant updatedAt;

    ProxyCacheEntity(UUID id, String tenantId, String name, String provider, String url, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.provider = provider;
        this.url = url;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }
}
