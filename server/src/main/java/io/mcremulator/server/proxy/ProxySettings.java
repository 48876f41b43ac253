package io.mcremulator.server.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of pull-through proxy caches (docs/behaviour.md, "Pull-through proxy caches").
 *
 * @param upstreams where a provider's or a URL's traffic really goes ({@code docker-hub -> http://127.0.0.1:5000}), so
 *                  a test can create a cache exactly as in production and pull through it from a local registry
 * @param probe     whether the two proxy-cache status operations contact the upstream ({@code NETWORK}) or answer
 *                  by the offline marker rule ({@code OFFLINE}, the default)
 * @param timeout   how long one upstream call may take to connect and answer with headers
 * @param gatewayErrors when the upstream cannot produce content the cache lacks (unreachable, 5xx, timeout, wrong
 *                  digest): false (default) answers 404 {@code MANIFEST_UNKNOWN}/{@code BLOB_UNKNOWN} with the reason,
 *                  which docker and skopeo print; true answers 502/504 {@code UNAVAILABLE}, whose message they hide
 */
public record ProxySettings(Map<String, URI> upstreams, Probe probe, Duration timeout, boolean gatewayErrors) {
    public enum Probe {
        OFFLINE,
        NETWORK
    }

    public ProxySettings {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
        if (probe == null) probe = Probe.OFFLINE;
        if (timeout == null) timeout = Duration.ofSeconds(30);
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("the upstream timeout must be positive, got " + timeout);
    }

    public static ProxySettings defaults() {
        return new ProxySettings(Map.of(), Probe.OFFLINE, Duration.ofSeconds(30), false);
    }

    /** Sends the traffic of {@code providerOrUrl} (a provider name or a proxy cache URL) to {@code target}. */
    public ProxySettings withUpstream(String providerOrUrl, String target) {
        Map<String, URI> m = new LinkedHashMap<>(upstreams);
        m.put(key(providerOrUrl), targetUri(providerOrUrl, target));
        return new ProxySettings(m, probe, timeout, gatewayErrors);
    }

    public ProxySettings withProbe(Probe p) {
        return new ProxySettings(upstreams, p, timeout, gatewayErrors);
    }

    public ProxySettings withTimeout(Duration t) {
        return new ProxySettings(upstreams, probe, t, gatewayErrors);
    }

    public ProxySettings withGatewayErrors(boolean gateway) {
        return new ProxySettings(upstreams, probe, timeout, gateway);
    }

    /**
     * Adds mappings written as {@code key=url[,key=url...]}, e.g. {@code docker-hub=http://127.0.0.1:5000}; the key is
     * a provider or a URL ({@code https://hub.docker.com=http://127.0.0.1:5000}: the last {@code =} separates them).
     */
    public ProxySettings withUpstreams(String spec) {
        ProxySettings out = this;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.lastIndexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("expected PROVIDER=URL or URL=URL (e.g."
                        + " docker-hub=http://127.0.0.1:5000), got '" + p + "'");
            }
            out = out.withUpstream(
                    p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    /** The mapping for a cache, by its URL first, then its provider; null when neither is mapped. */
    URI mapped(String provider, String url) {
        if (url != null) {
            URI byUrl = upstreams.get(key(url));
            if (byUrl != null) return byUrl;
        }
        return provider == null ? null : upstreams.get(key(provider));
    }

    static String key(String providerOrUrl) {
        String k = providerOrUrl.trim().toLowerCase(Locale.ROOT);
        while (k.endsWith("/")) k = k.substring(0, k.length() - 1);
        return k;
    }

    private static URI targetUri(String key, String target) {
        URI u;
        try {
            u = new URI(target);
        } catch (Exception e) {
            throw new IllegalArgumentException(key + ": '" + target + "' is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException(key + ": '" + target + "' must be an absolute http(s) URL");
        }
        return u;
    }
}
