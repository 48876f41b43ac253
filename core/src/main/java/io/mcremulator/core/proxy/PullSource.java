package io.mcremulator.core.proxy;

import java.util.UUID;

/**
 * Where a proxy-cache registry pulls an image from: its proxy cache's upstream and credentials, and the repository
 * name upstream ({@code library/<name>} for a one-part Docker Hub name).
 *
 * @param registry           the proxy-cache registry (the first segment of the /v2 name)
 * @param proxyCacheId       the proxy cache the registry was created with
 * @param cacheName          its name, for error messages; null when the proxy cache was deleted
 * @param provider           {@code docker-hub}, {@code google-gcr}, {@code aws-ecr}; null when deleted
 * @param url                the proxy cache's {@code url}; null when deleted (then only cached content is served)
 * @param accessKey          empty for anonymous pulls
 * @param upstreamRepository the repository to ask the upstream for
 */
public record PullSource(
        String registry,
        UUID proxyCacheId,
        String cacheName,
        String provider,
        String url,
        String accessKey,
        String accessSecret,
        String upstreamRepository) {
    /** True when the proxy cache still exists (it can be deleted with {@code --proxy-cache-in-use-delete allow}). */
    public boolean reachable() {
        return url != null;
    }

    @Override
    public String toString() { // never the secret
        return "PullSource[" + registry + " <- " + provider + " " + url + " " + upstreamRepository + "]";
    }
}
