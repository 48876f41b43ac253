package io.mcremulator.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The docker login pair of one user in one region, as {@code GET /v0/credentials} returns it, plus the registry
 * host to log in to.
 */
public record DockerCredentials(String username, String password, String email, String registryHost) {
    /** {@code Basic <base64(username:password)>}, for raw {@code /v2/} calls. */
    public String basicAuthorizationHeader() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "DockerCredentials[username=" + username + ", email=" + email + ", registryHost=" + registryHost + "]";
    }
}
