package io.mcremulator.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mcremulator.core.ProxyBlobFill;
import io.mcremulator.core.ProxyPulls;
import io.mcremulator.core.RegionEngine;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.model.StatusCheck;
import io.mcremulator.core.oci.ManifestContent;
import io.mcremulator.core.oci.MediaTypes;
import io.mcremulator.core.proxy.PullSource;
import io.mcremulator.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pull-through for proxy-cache registries (docs/behaviour.md, "Pull-through proxy caches"). Before a manifest is
 * served, {@link #prepareManifest} makes sure the cache holds it: a miss is fetched from the upstream, a tag is
 * checked against the upstream (HEAD) and refetched when it moved, and when the upstream cannot answer the cached
 * copy is served. A missing blob is streamed from the upstream to the client while it is stored
 * ({@link #serveBlob}). Concurrent pulls of the same missing content fetch it once.
 */
public final class PullThrough {
    /** Every manifest type the emulator stores, so the upstream answers with the image's own manifest. */
    private static final List<String> ACCEPT = List.of(
            MediaTypes.OCI_INDEX,
            MediaTypes.OCI_MANIFEST,
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final UpstreamClient client;
    private final Flights flights = new Flights();
    private final int maxManifestBytes;

    public PullThrough(ProxySettings settings, int maxManifestBytes) {
        this.client = new UpstreamClient(settings);
        this.maxManifestBytes = maxManifestBytes;
    }

    /** Lets the test-control plane journal upstream calls and apply fault rules to them. */
    public void observer(UpstreamObserver observer) {
        client.observer(observer);
    }

    public ProxySettings settings() {
        return client.settings();
    }

    // ------------------------------------------------------------------ manifests

    /** One /v2 pull as this class needs it (the oci package's call, without depending on it). */
    private record Pull(Context ctx, Principal principal, RegionEngine engine, String name) {}

    /**
     * Makes the cache hold manifest {@code ref} of {@code name} if its registry is a proxy cache; the caller then
     * serves it from the cache.
     */
    public void prepareManifest(RegionEngine engine, Principal principal, String name, String ref) {
        Pull c = new Pull(null, principal, engine, name);
        Optional<PullSource> src = c.engine().proxyPulls().source(c.principal(), c.name());
        if (src.isEmpty()) return;
        ProxyPulls pulls = c.engine().proxyPulls();
        boolean byDigest = ref.contains(":");
        if (byDigest) Digests.require(ref);
        else if (!ProxyPulls.isTag(ref)) return; // not a tag: never sent upstream; the cache answers it unknown
        Optional<ManifestContent> cached = pulls.cached(c.principal(), c.name(), ref);
        if (cached.isEmpty()) {
            fetchManifestOnce(src.get(), c, ref);
        } else if (!byDigest) {
            refreshTag(src.get(), c, ref, cached.get().digest());
        }
    }

    /** A cached tag: ask the upstream where it points now; refetch when it moved; keep the copy when it cannot say. */
    private void refreshTag(PullSource src, Pull c, String tag, String cachedDigest) {
        if (!src.reachable()) return;
        try {
            UpstreamClient.Target t = target(src, c, "manifest");
            String current;
            try (UpstreamClient.Response r =
                    client.send(t, "upstreamManifestHead", "HEAD", manifestPath(src, tag), ACCEPT)) {
                if (r.status() != 200) return; // the upstream cannot confirm the tag: serve the cached copy
                current = r.header("Docker-Content-Digest");
            }
            if (cachedDigest.equals(current)) return;
            fetchManifestOnce(src, c, tag);
        } catch (UpstreamException | EmulatorException e) {
            // unreachable, timed out, refused, or the new manifest was unusable: the cached copy is served
        }
    }

    private void fetchManifestOnce(PullSource src, Pull c, String ref) {
        flights.once("manifest|" + c.name() + "|" + ref, () -> fetchManifest(src, c, ref));
    }

    private void fetchManifest(PullSource src, Pull c, String ref) {
        UpstreamClient.Target t = target(src, c, "manifest");
        boolean byDigest = ref.contains(":");
        try (UpstreamClient.Response r = client.send(t, "upstreamManifestGet", "GET", manifestPath(src, ref), ACCEPT)) {
            if (r.status() != 200) throw statusError(src, t, r, "manifest", ref);
            byte[] bytes = r.body().readNBytes(maxManifestBytes + 1);
            if (bytes.length > maxManifestBytes) {
                throw unavailable(
                        "manifest",
                        cache(src) + ": the upstream's manifest " + src.upstreamRepository() + ":" + ref
                                + " is larger than the limit of " + maxManifestBytes + " bytes; nothing was stored",
                        Map.of());
            }
            String header = r.header("Docker-Content-Digest");
            String expected = byDigest ? ref : Digests.isValid(header) ? header : null;
            c.engine()
                    .proxyPulls()
                    .storeManifest(
                            c.principal(), c.name(), byDigest ? null : ref, expected, r.header("Content-Type"), bytes);
        } catch (UpstreamException e) {
            throw toClient(src, e, "manifest", ref);
        } catch (IOException e) {
            throw toClient(
                    src,
                    UpstreamException.unavailable(
                            "the upstream " + t.endpoint().base() + " broke off the manifest: " + e.getMessage(), e),
                    "manifest",
                    ref);
        } catch (EmulatorException e) {
            if (e.code() == ErrorCode.DIGEST_INVALID || e.code() == ErrorCode.MANIFEST_INVALID) {
                throw unavailable(
                        "manifest",
                        cache(src) + ": the upstream sent an unusable manifest for " + src.upstreamRepository() + ":"
                                + ref + ": " + e.getMessage(),
                        e.detail());
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ blobs

    /**
     * Serves a blob the proxy-cache registry does not hold yet: HEAD asks the upstream, GET streams it from the
     * upstream while storing it. False when the registry is not a proxy cache or already holds the blob (the caller
     * serves it from the store then).
     */
    public boolean serveBlob(Context ctx, RegionEngine engine, Principal principal, String name, String digest) {
        Pull c = new Pull(ctx, principal, engine, name);
        Optional<PullSource> src = c.engine().proxyPulls().source(c.principal(), c.name());
        if (src.isEmpty()) return false;
        Principal p = c.principal();
        if (c.engine().proxyPulls().linkCached(p, c.name(), digest)) return false;
        if ("HEAD".equalsIgnoreCase(ctx.req().getMethod())) {
            headBlob(src.get(), c, digest);
            return true;
        }
        String range = ctx.header("Range");
        boolean stream = range == null || range.isBlank();
        boolean[] led = {false};
        flights.once("blob|" + c.name() + "|" + digest, () -> {
            led[0] = stream;
            fetchBlob(src.get(), c, digest, stream ? ctx : null);
        });
        return led[0];
    }

    private void headBlob(PullSource src, Pull c, String digest) {
        UpstreamClient.Target t = target(src, c, "blob");
        try (UpstreamClient.Response r = client.send(t, "upstreamBlobHead", "HEAD", blobPath(src, digest), List.of())) {
            if (r.status() != 200) throw statusError(src, t, r, "blob", digest);
            Context ctx = c.ctx();
            ctx.status(200);
            ctx.header("Docker-Content-Digest", digest);
            ctx.header("ETag", "\"" + digest + "\"");
            ctx.res().setContentType("application/octet-stream");
            ctx.res().setContentLengthLong(Math.max(0, r.contentLength()));
        } catch (UpstreamException e) {
            throw toClient(src, e, "blob", digest);
        }
    }

    /** Copies a blob into the store, streaming it to {@code ctx} on the way when not null. */
    private void fetchBlob(PullSource src, Pull c, String digest, Context ctx) {
        UpstreamClient.Target t = target(src, c, "blob");
        ProxyPulls pulls = c.engine().proxyPulls();
        try (UpstreamClient.Response r = client.send(t, "upstreamBlobGet", "GET", blobPath(src, digest), List.of())) {
            if (r.status() != 200) throw statusError(src, t, r, "blob", digest);
            long length = r.contentLength();
            if (length > pulls.storageHeadroom()) {
                throw new EmulatorException(
                        ErrorCode.OCI_STORAGE_FULL,
                        cache(src) + ": blob " + digest + " of " + length + " bytes does not fit under the emulator's"
                                + " storage cap (--max-stored-bytes); nothing was stored",
                        Map.of("digest", digest, "size", length));
            }
            try (ProxyBlobFill fill = pulls.startBlob(c.principal(), c.name(), digest)) {
                if (ctx == null) {
                    fill.append(r.body(), length);
                    fill.finish();
                    return;
                }
                ctx.status(200);
                ctx.header("Docker-Content-Digest", digest);
                ctx.header("ETag", "\"" + digest + "\"");
                ctx.res().setContentType("application/octet-stream");
                if (length >= 0) ctx.res().setContentLengthLong(length);
                BlobTee tee = new BlobTee(r.body(), ctx);
                try {
                    fill.append(tee, length);
                    fill.finish();
                } catch (RuntimeException e) {
                    tee.abort();
                    throw e;
                }
                tee.release();
            }
        } catch (UpstreamException e) {
            throw toClient(src, e, "blob", digest);
        } catch (UncheckedIOException e) {
            throw unavailable(
                    "blob",
                    cache(src) + ": the upstream " + t.endpoint().base() + " broke off blob " + digest + ": "
                            + e.getCause().getMessage() + "; nothing was stored",
                    Map.of("digest", digest));
        } catch (EmulatorException e) {
            if (e.code() == ErrorCode.DIGEST_INVALID || e.code() == ErrorCode.SIZE_INVALID) {
                throw unavailable("blob", cache(src) + ": " + e.getMessage(), e.detail());
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ status probes

    /** True when {@code --proxy-cache-probe network}: the status operations ask the upstream. */
    public boolean probesNetwork() {
        return client.settings().probe() == ProxySettings.Probe.NETWORK;
    }

    /** {@code getProxyCacheStatus} by asking the upstream: {@code connected} when {@code GET /v2/} succeeds. */
    public StatusCheck probeStatus(PullSource src, String tenant, String region) {
        String problem = probe(src.provider(), src.url(), src.accessKey(), src.accessSecret(), tenant, region);
        return problem == null
                ? new StatusCheck("connected", "Proxy cache configuration is active.")
                : new StatusCheck("unreachable", "Proxy cache upstream is unreachable: " + problem);
    }

    /** {@code checkProxyCacheCredentialStatus} by logging in to the upstream through its own auth flow. */
    public StatusCheck probeCredentials(
            String provider, String url, String key, String secret, String tenant, String region) {
        String problem = probe(provider, url, key, secret, tenant, region);
        return problem == null
                ? new StatusCheck("valid", "Proxy cache credentials are valid")
                : new StatusCheck("invalid", "Proxy cache credentials are invalid: " + problem);
    }

    /** Null when {@code GET /v2/} on the upstream answers 200 with these credentials; else what went wrong. */
    private String probe(String provider, String url, String key, String secret, String tenant, String region) {
        try {
            UpstreamClient.Target t = new UpstreamClient.Target(
                    UpstreamEndpoint.resolve(client.settings(), provider, url),
                    new UpstreamClient.Credentials(key, secret),
                    null,
                    tenant,
                    region);
            try (UpstreamClient.Response r = client.send(t, "upstreamPing", "GET", "/v2/", List.of())) {
                if (r.status() == 200) return null;
                if (r.status() == 401 || r.status() == 403) {
                    return "the upstream " + t.endpoint().base() + " refused "
                            + (t.credentials().present() ? "the credentials" : "anonymous access") + " (HTTP "
                            + r.status() + ")";
                }
                return "the upstream " + t.endpoint().base() + " answered HTTP " + r.status() + " to GET /v2/";
            }
        } catch (UpstreamException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------ helpers

    private UpstreamClient.Target target(PullSource src, Pull c, String what) {
        if (!src.reachable()) {
            throw unavailable(
                    what,
                    "registry '" + src.registry() + "' is a proxy cache whose proxy cache was deleted: only what it"
                            + " already holds can be pulled",
                    Map.of("registry", src.registry()));
        }
        try {
            return new UpstreamClient.Target(
                    UpstreamEndpoint.resolve(client.settings(), src.provider(), src.url()),
                    new UpstreamClient.Credentials(src.accessKey(), src.accessSecret()),
                    src.upstreamRepository(),
                    c.principal().tenantId(),
                    c.engine().region().id());
        } catch (UpstreamException e) {
            throw toClient(src, e, what, null);
        }
    }

    private static String manifestPath(PullSource src, String ref) {
        return "/v2/" + src.upstreamRepository() + "/manifests/" + ref;
    }

    private static String blobPath(PullSource src, String digest) {
        return "/v2/" + src.upstreamRepository() + "/blobs/" + digest;
    }

    /** An error status of the upstream, with the upstream's own message when it sent an OCI error body. */
    private static UpstreamException statusError(
            PullSource src, UpstreamClient.Target t, UpstreamClient.Response r, String what, String ref) {
        String said = upstreamMessage(r);
        return UpstreamException.status(
                r.status(),
                "the upstream " + t.endpoint().base() + " answered HTTP " + r.status() + " for " + what + " "
                        + src.upstreamRepository() + (ref.contains(":") ? "@" : ":") + ref
                        + (said == null ? "" : " (" + said + ")"));
    }

    private static String upstreamMessage(UpstreamClient.Response r) {
        try {
            byte[] body = r.body().readNBytes(16 * 1024);
            if (body.length == 0) return null;
            JsonNode e = Json.read(body).path("errors").path(0);
            if (e.isMissingNode()) return null;
            return e.path("code").asText("") + ": " + e.path("message").asText("");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The OCI error a client sees for an upstream failure. */
    private EmulatorException toClient(PullSource src, UpstreamException e, String what, String ref) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("proxy_cache", src.cacheName() == null ? "" : src.cacheName());
        detail.put("upstream_repository", src.upstreamRepository());
        if (e.status() != 0) detail.put("upstream_status", e.status());
        String m = cache(src) + ": " + e.getMessage();
        return switch (e.kind()) {
            case TIMEOUT ->
                client.settings().gatewayErrors()
                        ? new EmulatorException(ErrorCode.UPSTREAM_TIMEOUT, m, detail)
                        : unavailable(what, m, detail);
            case UNAVAILABLE -> unavailable(what, m, detail);
            case STATUS ->
                switch (e.status()) {
                    case 401, 403 ->
                        new EmulatorException(
                                ErrorCode.DENIED,
                                m + "; check the proxy cache's access_key and access_secret (PATCH /v0/proxy-caches/"
                                        + src.proxyCacheId() + ")",
                                detail);
                    case 404 ->
                        new EmulatorException(
                                "blob".equals(what) ? ErrorCode.BLOB_UNKNOWN : ErrorCode.MANIFEST_UNKNOWN, m, detail);
                    case 429 -> new EmulatorException(ErrorCode.TOOMANYREQUESTS, m, detail);
                    default -> unavailable(what, m, detail);
                };
        };
    }

    /**
     * The upstream could not produce content the cache does not hold: by default 404 {@code MANIFEST_UNKNOWN} /
     * {@code BLOB_UNKNOWN} (docker and skopeo print a 4xx's message, but only the status line of a 5xx), or with
     * {@code --proxy-upstream-errors gateway} 502 {@code UNAVAILABLE} (504 on a timeout).
     */
    private EmulatorException unavailable(String what, String message, Map<String, ?> detail) {
        if (client.settings().gatewayErrors())
            return new EmulatorException(ErrorCode.UPSTREAM_UNAVAILABLE, message, detail);
        return new EmulatorException(
                "blob".equals(what) ? ErrorCode.BLOB_UNKNOWN : ErrorCode.MANIFEST_UNKNOWN, message, detail);
    }

    private static String cache(PullSource src) {
        return "proxy cache '" + src.cacheName() + "' of registry '" + src.registry() + "'";
    }
}
