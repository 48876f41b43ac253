package io.mcremulator.junit;

import io.mcremulator.client.DockerCredentials;
import java.util.function.Consumer;

/**
 * One tenant of the emulator with a primary user. The tenant's data is only visible to its own users, so tests
 * that each use their own tenant never see each other's registries, proxy caches or credentials.
 */
public interface TestTenant {
    /** The tenant id (the part of the token's {@code tenant} claim after the type). */
    String id();

    /** The primary user. */
    TestUser user();

    /** A further user of this tenant, with its own token, API key and docker credentials. */
    TestUser newUser();

    /** A user of this tenant with a given id, e.g. one named in a seed document. */
    TestUser user(String userId);

    default String bearerToken() {
        return user().bearerToken();
    }

    default String authorizationHeader() {
        return user().authorizationHeader();
    }

    default String apiKey() {
        return user().apiKey();
    }

    default DockerCredentials dockerCredentials() {
        return user().dockerCredentials();
    }

    /** Adds registries, repositories, images, proxy caches and users owned by this tenant, atomically. */
    void seed(Consumer<SeedBuilder> build);

    /** Read access to this tenant's state in the default region, for assertions. */
    McrState state();

    /** Forgets this tenant's registries, proxy caches and docker credentials in every region. */
    void reset();

    /**
     * Adds {@code user} (of this tenant or another) as a member of {@code registryId}, a registry of this tenant in
     * the default region, with {@code role} ({@code developer} or {@code guest}): what {@code POST
     * /v0/registries/{id}/members} does. Creates the user's registry user first when needed. Returns the membership id.
     */
    String addMember(String registryId, TestUser user, String role);
}
