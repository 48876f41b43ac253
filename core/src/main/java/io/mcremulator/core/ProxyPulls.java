package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.Descriptor;
import io.mcremulator.core.oci.ManifestContent;
import io.mcremulator.core.oci.MediaTypes;
import io.mcremulator.core.oci.OciName;
import io.mcremulator.core.proxy.PullSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The storage side of pull-through proxy caches (docs/behaviour.md, "Pull-through proxy caches"): which upstream a
 * proxy-cache registry pulls from, what it already holds, and storing what was fetched. Fetching itself is the
 * server's (it speaks HTTP); manifests pulled through become images with the management-API fields of a push.
 */
public final class ProxyPulls {
    /** The provider whose one-part repository names mean {@code library/<name>}. */
    public static final String DOCKER_HUB = "docker-hub";

    private final RegionState s;
    private final OciManifests manifests;

    ProxyPulls(RegionState s, OciManifests manifests) {
        this.s = s;
        this.manifests = manifests;
    }

    /** The upstream of {@code name}'s registry when it is a proxy-cache registry the caller may pull from; else empty. */
    public Optional<PullSource> source(Principal p, String name) {
        OciName n = OciName.parse(name);
        return s.read(() -> {
            RegistryEntity reg = OciAccess.forPull(s, p, n);
            if (reg.proxyCacheId == null) return Optional.<PullSource>empty();
            ProxyCacheEntity pc = s.proxyCaches.get(reg.proxyCacheId);
            if (pc == null) {
                return Optional.of(
                        new PullSource(reg.name, reg.proxyCacheId, null, null, null, "", "", n.repository()));
            }
            return Optional.of(source(reg.name, pc, upstreamRepository(pc.provider, n.repository())));
        });
    }

    /** A stored proxy cache's upstream and credentials, for a status probe. */
    public PullSource source(Principal p, UUID proxyCacheId) {
        return s.read(() -> source(null, s.proxyCache(p, proxyCacheId), null));
    }

    private static PullSource source(String registry, ProxyCacheEntity pc, String repository) {
        return new PullSource(
                registry, pc.id, pc.name, pc.provider, pc.url, nz(pc.accessKey), nz(pc.accessSecret), repository);
    }

    /** True for a well-formed tag; anything else is never asked of an upstream (the cache answers it unknown). */
    public static boolean isTag(String reference) {
        return io.mcremulator.core.oci.Tags.isValid(reference);
    }

    /** Docker Hub keeps official images under {@code library/}: {@code alpine} is {@code library/alpine}. */
    public static String upstreamRepository(String provider, String repository) {
        return DOCKER_HUB.equals(provider) && !repository.contains("/") ? "library/" + repository : repository;
    }

    /** The manifest {@code reference} names if the cache holds it (reading it does not count as a pull). */
    public Optional<ManifestContent> cached(Principal p, String name, String reference) {
        OciName n = OciName.parse(name);
        return s.read(() -> {
            RepositoryEntity repo = OciAccess.forPull(s, p, n).repositories.get(n.repository());
            if (repo == null) return Optional.<ManifestContent>empty();
            return repo.byDigestOrTag(reference)
                    .filter(img -> img.manifest != null)
                    .map(img -> new ManifestContent(img.digest, img.manifestMediaType, img.manifest));
        });
    }

    /**
     * Stores a manifest fetched from the upstream, as an image of {@code name} (the repository is created on first
     * use) and points {@code tag} at it when not null. Blobs are not required yet: they are fetched when pulled.
     * {@code expectedDigest} (the digest asked for, or the upstream's {@code Docker-Content-Digest}) must match.
     *
     * @return the manifest's digest
     */
    public String storeManifest(
            Principal p, String name, String tag, String expectedDigest, String contentType, byte[] bytes) {
        OciName n = OciName.parse(name);
        String digest = expectedDigest != null
                ? Digests.digestLike(Digests.require(expectedDigest), bytes)
                : Digests.sha256(bytes);
        if (expectedDigest != null && !digest.equals(expectedDigest)) {
            throw new EmulatorException(
                    ErrorCode.DIGEST_INVALID,
                    "the upstream sent a manifest that hashes to " + digest + " instead of " + expectedDigest
                            + "; nothing was stored",
                    Map.of("expected", expectedDigest, "actual", digest));
        }
        if (tag != null) OciManifests.checkTag(tag);
        ParsedManifest m = ManifestParser.parse(bytes, contentType);
        return s.write(() -> {
            RegistryEntity reg = OciAccess.forPull(s, p, n);
            if (reg.proxyCacheId == null)
                throw new IllegalStateException("registry " + reg.name + " is not a proxy-cache registry");
            RepositoryEntity repo = reg.repositories.get(n.repository());
            Instant now = s.now();
            if (repo == null) repo = manifests.newRepository(reg, n.repository(), now);
            ImageEntity img = repo.imageOrNew(digest);
            // new, or known by digest only (kept as metadata, e.g. after a restart lost its content): fill it
            if (img.manifest == null) manifests.fill(img, bytes, m, declaredReferences(m), repo, now);
            if (tag != null) repo.tag(img, tag, now);
            repo.updatedAt = now;
            return digest;
        });
    }

    /**
     * Links a blob the region already stores into {@code name} when an image cached there references it (the
     * upstream vouched for it through that manifest), so it is not fetched again. False when it must be fetched.
     */
    public boolean linkCached(Principal p, String name, String digest) {
        OciName n = OciName.parse(name);
        Digests.require(digest);
        if (!s.blobs.has(digest)) return false;
        return s.write(() -> {
            RegistryEntity reg = OciAccess.forPull(s, p, n);
            if (reg.linked(n.repository(), digest)) return true;
            RepositoryEntity repo = reg.repositories.get(n.repository());
            if (repo == null || !s.blobs.has(digest)) return false;
            boolean referenced = repo.images.values().stream().anyMatch(img -> img.references.containsKey(digest));
            if (!referenced) return false;
            reg.links(n.repository()).add(digest);
            fillConfigAttributes(s, reg, n, digest);
            return true;
        });
    }

    /** Starts copying blob {@code digest} of {@code name} from the upstream; see {@link ProxyBlobFill}. */
    public ProxyBlobFill startBlob(Principal p, String name, String digest) {
        OciName n = OciName.parse(name);
        Digests.require(digest);
        s.read(() -> OciAccess.forPull(s, p, n));
        return new ProxyBlobFill(s, n, digest);
    }

    /** Bytes the storage cap still allows (the cap is shared by every region). */
    public long storageHeadroom() {
        return s.blobs.quota().maxBytes() - s.blobs.quota().usedBytes();
    }

    /** Every blob and child manifest a manifest names, as digest to size, without requiring any to be stored. */
    private static Map<String, Long> declaredReferences(ParsedManifest m) {
        Map<String, Long> refs = new LinkedHashMap<>();
        if (m.isIndex()) {
            for (Descriptor d : m.children()) refs.put(d.digest(), d.size());
            return refs;
        }
        refs.put(m.config().digest(), m.config().size());
        for (Descriptor d : m.layers()) {
            if (!MediaTypes.isNonDistributable(d.mediaType())) refs.put(d.digest(), d.size());
        }
        return refs;
    }

    /** Once a cached image's config blob arrives, its os/architecture/created show in {@code extra_attr}. */
    static void fillConfigAttributes(RegionState s, RegistryEntity reg, OciName n, String digest) {
        RepositoryEntity repo = reg.repositories.get(n.repository());
        if (repo == null) return;
        for (ImageEntity img : repo.images.values()) {
            if (!img.extraAttr.isEmpty() || img.manifest == null || !img.references.containsKey(digest)) continue;
            ParsedManifest m;
            try {
                m = ManifestParser.parse(img.manifest, img.manifestMediaType);
            } catch (EmulatorException e) {
                continue;
            }
            if (m.isIndex() || !m.config().digest().equals(digest)) continue;
            img.extraAttr = new LinkedHashMap<>(new OciManifests(s).configAttributes(m.config()));
        }
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
