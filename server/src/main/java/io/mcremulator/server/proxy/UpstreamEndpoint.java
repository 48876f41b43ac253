package io.mcremulator.server.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The registry a proxy cache really talks to: its URL, or the {@code --proxy-upstream} mapping of its URL or
 * provider. Docker Hub's web address ({@code https://hub.docker.com}) stands for its registry API host. Plain HTTP is
 * only allowed for mapped and loopback upstreams.
 *
 * @param base   {@code scheme://host[:port]}; registry paths ({@code /v2/...}) go under it
 * @param mapped true when a {@code --proxy-upstream} mapping chose it
 */
record UpstreamEndpoint(URI base, boolean mapped) {
    private static final Set<String> DOCKER_HUB_HOSTS =
            Set.of("hub.docker.com", "docker.io", "www.docker.com", "index.docker.io", "registry.hub.docker.com");

    /** Resolves a cache's upstream; {@link UpstreamException} (unavailable) when plain HTTP is not allowed for it. */
    static UpstreamEndpoint resolve(ProxySettings settings, String provider, String url) {
        URI mapped = settings.mapped(provider, url);
        if (mapped != null) return new UpstreamEndpoint(origin(mapped), true);
        URI u = URI.create(url);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if ("docker-hub".equals(provider) && DOCKER_HUB_HOSTS.contains(host))
            return new UpstreamEndpoint(URI.create("https://registry-1.docker.io"), false);
        UpstreamEndpoint e = new UpstreamEndpoint(origin(u), false);
        if (e.base().getScheme().equalsIgnoreCase("http") && !isLoopback(host)) {
            throw UpstreamException.unavailable(
                    "the upstream " + url + " is plain HTTP: only loopback hosts and --proxy-upstream targets may be"
                            + " reached without TLS; use https or map it with --proxy-upstream",
                    null);
        }
        return e;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static URI origin(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + u.getRawAuthority());
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1");
    }
}
