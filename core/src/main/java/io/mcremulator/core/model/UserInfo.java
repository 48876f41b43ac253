package io.mcremulator.core.model;

import java.time.Instant;
import java.util.UUID;

/** A registry user as the API shows it: its id, the caller identity it stands for ({@code username}), its tenant. */
public record UserInfo(UUID id, String tenantId, String username, Instant createdAt) {}
