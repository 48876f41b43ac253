package io.mcremulator.testcontainers;

/**
 * The docker login pair of one user ({@code GET /v0/credentials}): {@code docker login <registryHost> -u username -p password}.
 */
public record DockerCredentials(String username, String password, String email) {
    @Override
    public String toString() {
        return "DockerCredentials[username=" + username + ", password=***, email=" + email + "]";
    }
}
