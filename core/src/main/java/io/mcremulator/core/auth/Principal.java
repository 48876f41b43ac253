package io.mcremulator.core.auth;

import java.util.Set;

/**
 * Who is calling: the tenant that owns what they touch, their user id (the docker username), their email,
 * and the scopes their token carries ({@code null} when the token has no {@code scope} claim, meaning
 * "not restricted").
 */
public record Principal(String tenantId, String userId, String email, Set<String> scopes) {
    public Principal {
        if (tenantId == null || tenantId.isBlank()) throw new IllegalArgumentException("tenantId is required");
        if (userId == null || userId.isBlank()) throw new IllegalArgumentException("userId is required");
        if (email == null || email.isBlank()) email = userId + "@users.mcr-emulator.local";
        scopes = scopes == null ? null : Set.copyOf(scopes);
    }

    public static Principal of(String tenantId, String userId, String email) {
        return new Principal(tenantId, userId, email, null);
    }

    /** True when the token names no scopes, or names {@code scope}. */
    public boolean hasScope(String scope) {
        return scopes == null || scopes.contains(scope);
    }
}
