package io.mcremulator.junit;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.core.Region;

/** A user of a {@link TestTenant}: their own token, API key and docker credentials. */
public interface TestUser {
    /** The user id: the token's {@code sub} and the docker username. */
    String id();

    String email();

    TestTenant tenant();

    /** A JWT with claims {@code tenant}, {@code sub}, {@code email} and {@code scope "mcr.read mcr.write"}. */
    String bearerToken();

    /** A JWT like {@link #bearerToken()} but with exactly these scopes (none: a token that may do nothing). */
    String bearerToken(String... scopes);

    /** {@code Bearer <token>}, the value of the {@code Authorization} header. */
    default String authorizationHeader() {
        return "Bearer " + bearerToken();
    }

    /** A UUID that the server maps to this user and tenant, for the {@code X-API-Key} header. */
    String apiKey();

    /** The docker credentials of this user in the default region (created on first use, as the API does). */
    DockerCredentials dockerCredentials();

    DockerCredentials dockerCredentials(Region region);

    /**
     * This user's registry user in the default region ({@code POST /v0/users}; created on first call, the same
     * after): the id that registry memberships name.
     */
    String registryUserId();
}
