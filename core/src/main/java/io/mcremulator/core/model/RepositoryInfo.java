package io.mcremulator.core.model;

import java.time.Instant;
import java.util.UUID;

/** A repository as the API shows it; {@code name} is the path inside the registry ({@code team/app}). */
public record RepositoryInfo(
        UUID id,
        UUID registryId,
        String registryName,
        String name,
        int imageCount,
        Instant createdAt,
        Instant updatedAt) {}
