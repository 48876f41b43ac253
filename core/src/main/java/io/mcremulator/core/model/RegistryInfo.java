package io.mcremulator.core.model;

import java.time.Instant;
import java.util.UUID;

/** A registry as the API shows it. {@code proxyCacheId} is null when the registry has none. */
public record RegistryInfo(
        UUID id,
        String tenantId,
        String name,
        UUID proxyCacheId,
        long storageUsageBytes,
        Instant createdAt,
        Instant updatedAt) {}
