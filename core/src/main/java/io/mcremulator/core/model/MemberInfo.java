package io.mcremulator.core.model;

import io.mcremulator.core.MemberRole;
import java.time.Instant;
import java.util.UUID;

/** A registry membership as the API shows it. */
public record MemberInfo(
        UUID id, UUID registryId, UUID userId, MemberRole role, Instant createdAt, Instant updatedAt) {}
