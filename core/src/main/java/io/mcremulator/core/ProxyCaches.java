package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.model.ProxyCacheInfo;
import io.mcremulator.core.model.StatusCheck;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Proxy-cache operations of one region. Names are unique per tenant. */
public final class ProxyCaches {
    public static final SortFields<ProxyCacheInfo> SORT = SortFields.<ProxyCacheInfo>builder()
            .field("name", ProxyCacheInfo::name)
            .field("provider", ProxyCacheInfo::provider)
            .field("url", ProxyCacheInfo::url)
            .field("created_at", ProxyCacheInfo::createdAt)
            .field("updated_at", ProxyCacheInfo::updatedAt)
            .defaultSort("created_at:asc")
            .tieBreak(Comparator.comparing(ProxyCacheInfo::name))
            .build();

    /** The marker that makes the emulated upstream reject credentials or be unreachable (docs/behaviour.md). */
    public static final String INVALID_MARKER = "invalid";

    public static final String UNREACHABLE_MARKER = "unreachable";

    /** Fields of a create request; null means "not given". */
    public record Create(
            String name, String provider, String url, String accessKey, String accessSecret, String description) {}

    /** Fields of an update; null means "unchanged". */
    /**
     * The fields a PATCH may change; null leaves a field as it is.
     *
     * @param provider what the request said for {@code provider}, which cannot change: any value is refused
     */
    public record Update(
            String name, String url, String accessKey, String accessSecret, String description, String provider) {}

    private final RegionState s;

    ProxyCaches(RegionState s) {
        this.s = s;
    }

    public ProxyCacheInfo create(Principal p, Create c) {
        Names.checkResourceName("name", c.name(), 1, s.config.proxyCacheNameMaxLength());
        checkProvider(c.provider());
        checkUrl(c.url());
        return s.write(() -> {
            checkNameFree(p, c.name(), null);
            ProxyCacheEntity pc =
                    new ProxyCacheEntity(s.config.ids().uuid(), p.tenantId(), c.name(), c.provider(), c.url(), s.now());
            pc.accessKey = nz(c.accessKey());
            pc.accessSecret = nz(c.accessSecret());
            pc.description = nz(c.description());
            s.proxyCaches.put(pc.id, pc);
            return s.view(pc);
        });
    }

    public Page<ProxyCacheInfo> list(Principal p, PageRequest req) {
        return s.read(() -> Paging.page(
                s.orders,
                List.of("proxy-caches", p.tenantId()),
                () -> s.proxyCaches.values().stream()
                        .filter(pc -> pc.tenantId.equals(p.tenantId()))
                        .toList(),
                s::view,
                pc -> true,
                null,
                req,
                SORT));
    }

    public ProxyCacheInfo get(Principal p, UUID id) {
        return s.read(() -> s.view(s.proxyCache(p, id)));
    }

    /**
     * Applies an update: null leaves a field as it is; an empty name or url also leaves it; an empty description,
     * access key or secret clears it.
     */
    public ProxyCacheInfo update(Principal p, UUID id, Update u) {
        if (u.provider() != null) {
            throw EmulatorException.badRequest(
                    "invalid param: field 'provider' cannot be updated; create a new proxy cache",
                    "provider",
                    u.provider());
        }
        boolean newName = u.name() != null && !u.name().isEmpty();
        boolean newUrl = u.url() != null && !u.url().isEmpty();
        if (newName) Names.checkResourceName("name", u.name(), 1, s.config.proxyCacheNameMaxLength());
        if (newUrl) checkUrl(u.url());
        return s.write(() -> {
            ProxyCacheEntity pc = s.proxyCache(p, id);
            if (newName) checkNameFree(p, u.name(), id);
            if (newName) pc.name = u.name();
            if (newUrl) pc.url = u.url();
            if (u.accessKey() != null) pc.accessKey = u.accessKey();
            if (u.accessSecret() != null) pc.accessSecret = u.accessSecret();
            if (u.description() != null) pc.description = u.description();
            pc.updatedAt = s.now();
            return s.view(pc);
        });
    }

    public void delete(Principal p, UUID id) {
        s.writeRun(() -> {
            ProxyCacheEntity pc = s.proxyCache(p, id);
            if (s.config.proxyCacheInUseDeleteConflict()) {
                for (RegistryEntity r : s.registries.values()) {
                    if (id.equals(r.proxyCacheId)) {
                        throw new EmulatorException(
                                ErrorCode.CONFLICT,
                                "proxy cache '" + pc.name + "' is used by registry '" + r.name
                                        + "'; delete the registry first",
                                Map.of("proxy_cache_id", id.toString(), "registry_id", r.id.toString()));
                    }
                }
            }
            s.proxyCaches.remove(id);
        });
    }

    /** Checks credentials against the emulated upstream; stores nothing. */
    public StatusCheck checkCredentials(String provider, String url, String accessKey, String accessSecret) {
        checkProvider(provider);
        checkUrl(url);
        boolean invalid = contains(accessKey, INVALID_MARKER)
                || contains(accessSecret, INVALID_MARKER)
                || contains(host(url), UNREACHABLE_MARKER)
                || host(url).endsWith(".invalid");
        return invalid
                ? new StatusCheck("invalid", "Proxy cache credentials are invalid")
                : new StatusCheck("valid", "Proxy cache credentials are valid");
    }

    /** Connection status of a stored proxy cache. */
    public StatusCheck status(Principal p, UUID id) {
        return s.read(() -> {
            ProxyCacheEntity pc = s.proxyCache(p, id);
            String host = host(pc.url);
            boolean unreachable = contains(host, UNREACHABLE_MARKER)
                    || host.endsWith(".invalid")
                    || contains(pc.accessKey, INVALID_MARKER)
                    || contains(pc.accessSecret, INVALID_MARKER);
            return unreachable
                    ? new StatusCheck("unreachable", "Proxy cache upstream is unreachable.")
                    : new StatusCheck("connected", "Proxy cache configuration is active.");
        });
    }

    private void checkNameFree(Principal p, String name, UUID self) {
        for (ProxyCacheEntity other : s.proxyCaches.values()) {
            if (other.tenantId.equals(p.tenantId()) && other.name.equals(name) && !other.id.equals(self)) {
                throw EmulatorException.conflict(
                        "resource already exists: a proxy cache named '" + name + "' already exists", "name", name);
            }
        }
    }

    private void checkProvider(String provider) {
        if (provider == null || provider.isEmpty())
            throw EmulatorException.badRequest("invalid param: field 'provider' is required", "provider", null);
        if (!s.config.proxyCacheProviders().contains(provider)) {
            throw EmulatorException.badRequest(
                    "invalid param: unknown provider '" + provider + "'; available providers: "
                            + String.join(", ", s.config.proxyCacheProviders()),
                    "provider",
                    provider);
        }
    }

    static void checkUrl(String url) {
        if (url == null || url.isEmpty())
            throw EmulatorException.badRequest("invalid param: field 'url' is required", "url", null);
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw EmulatorException.badRequest(
                    "invalid param: field 'url' is not a valid URL: '" + url + "'", "url", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw EmulatorException.badRequest(
                    "invalid param: field 'url' must be an absolute http(s) URL, got '" + url + "'", "url", url);
        }
    }

    private static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "";
        }
    }

    private static boolean contains(String s, String marker) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(marker);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
