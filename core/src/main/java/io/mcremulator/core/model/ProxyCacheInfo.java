package io.mcremulator.core.model;

import java.time.Instant;
import java.util.UUID;

/** A proxy cache as the API shows it; the access key and secret are write-only and never leave the engine. */
public record ProxyCacheInfo(
        UUID id,
        String tenantId,
        String name,
        String provider,
        String url,
        String description,
        Instant createdAt,
        Instant updatedAt) {}
