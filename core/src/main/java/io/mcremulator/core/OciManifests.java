package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.Descriptor;
import io.mcremulator.core.oci.ManifestContent;
import io.mcremulator.core.oci.ManifestPushed;
import io.mcremulator.core.oci.MediaTypes;
import io.mcremulator.core.oci.OciName;
import io.mcremulator.core.oci.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Manifests, tags, catalog and referrers of the OCI data plane in one region. A push creates the repository on
 * first use and the image with its management-API fields; pulls move {@code pulled_at}.
 */
public final class OciManifests {
    private final RegionState s;

    OciManifests(RegionState s) {
        this.s = s;
    }

    /** Stores a manifest byte for byte under {@code reference} (a tag or its digest) and any extra {@code tags}. */
    public ManifestPushed put(
            Principal p, String name, String reference, String contentType, byte[] bytes, List<String> tags) {
        OciName n = OciName.parse(name);
        int max = s.config.blobStorage().maxManifestBytes();
        if (bytes.length > max) {
            throw new EmulatorException(
                    ErrorCode.OCI_MANIFEST_TOO_LARGE,
                    "manifest of " + bytes.length + " bytes is larger than the limit of " + max + " bytes",
                    Map.of("limit", max));
        }
        List<String> allTags = new ArrayList<>();
        String digest;
        if (isDigest(reference)) {
            digest = Digests.digestLike(Digests.require(reference), bytes);
            if (!digest.equals(reference)) {
                throw new EmulatorException(
                        ErrorCode.DIGEST_INVALID,
                        "provided digest did not match uploaded content: the manifest hashes to " + digest + ", not "
                                + reference,
                        Map.of("expected", reference, "actual", digest));
            }
        } else {
            digest = Digests.sha256(bytes);
            allTags.add(checkTag(reference));
        }
        for (String t : tags) if (!allTags.contains(checkTag(t))) allTags.add(t);
        ParsedManifest m = ManifestParser.parse(bytes, contentType);
        return s.write(() -> {
            RegistryEntity reg = OciAccess.forPush(s, p, n);
            RepositoryEntity repo = reg.repositories.get(n.repository());
            Map<String, Long> refs = checkReferences(reg, repo, n, m);
            Instant now = s.now();
            if (repo == null) {
                repo = new RepositoryEntity(s.config.ids().uuid(), n.repository(), now);
                reg.addRepository(repo);
            }
            ImageEntity img = repo.images.get(digest);
            if (img == null) {
                img = new ImageEntity(digest);
                repo.images.put(digest, img);
            }
            fill(img, bytes, m, refs, repo, now);
            for (String t : allTags) repo.tag(img, t, now);
            repo.updatedAt = now;
            return new ManifestPushed(
                    digest, m.subject() == null ? null : m.subject().digest(), List.copyOf(allTags));
        });
    }

    /**
     * The manifest {@code reference} names. {@code accepted} are the client's Accept types (empty: anything).
     * {@code pull} true for GET: moves {@code pulled_at} of the image (and of the tag when named by tag); a HEAD by
     * tag moves the tag's only, since docker resolves the tag with HEAD and then GETs by digest.
     */
    public ManifestContent get(Principal p, String name, String reference, Collection<String> accepted, boolean pull) {
        OciName n = OciName.parse(name);
        boolean byDigest = isDigest(reference);
        if (byDigest) Digests.require(reference);
        return s.write(() -> {
            RepositoryEntity repo = OciAccess.repository(OciAccess.forPull(s, p, n), n);
            ImageEntity img = repo.byDigestOrTag(reference).orElseThrow(() -> manifestUnknown(reference));
            if (img.manifest == null) {
                throw new EmulatorException(
                        ErrorCode.MANIFEST_UNKNOWN,
                        "manifest unknown: image " + img.digest
                                + " was seeded with a digest and has no content; seed it without 'digest' to get a pullable image",
                        Map.of("digest", img.digest));
            }
            if (!acceptable(img.manifestMediaType, accepted)) {
                throw new EmulatorException(
                        ErrorCode.MANIFEST_UNKNOWN,
                        "manifest unknown: the stored manifest is " + img.manifestMediaType
                                + " and the Accept header does not allow it",
                        Map.of("Tag", reference));
            }
            Instant now = s.now();
            if (pull) img.pulledAt = now;
            if (!byDigest) {
                TagEntity t = img.tags.get(reference);
                if (t != null) t.pulledAt = now;
            }
            return new ManifestContent(img.digest, img.manifestMediaType, img.manifest);
        });
    }

    /** Deletes by digest (the image and every tag on it) or by tag (only the tag). */
    public void delete(Principal p, String name, String reference) {
        OciName n = OciName.parse(name);
        boolean byDigest = isDigest(reference);
        if (byDigest) Digests.require(reference);
        s.writeRun(() -> {
            RepositoryEntity repo = OciAccess.repository(OciAccess.forPush(s, p, n), n);
            if (byDigest) {
                if (repo.removeImage(reference) == null) throw manifestUnknown(reference);
            } else if (!repo.untag(reference)) {
                throw manifestUnknown(reference);
            }
            repo.updatedAt = s.now();
        });
    }

    /** Tags of a repository, sorted by {@link String#compareTo}. */
    public List<String> tags(Principal p, String name) {
        OciName n = OciName.parse(name);
        return s.read(() -> List.copyOf(new TreeSet<>(
                OciAccess.repository(OciAccess.forPull(s, p, n), n).tagIndex.keySet())));
    }

    /** Every repository the caller may pull from in this region, as {@code registry/repository}, sorted. */
    public List<String> catalog(Principal p) {
        return s.read(() -> {
            TreeSet<String> out = new TreeSet<>();
            for (RegistryEntity reg : s.registries.values()) {
                if (OciAccess.level(s, p, reg) == OciAccess.Level.NONE) continue;
                for (String repo : reg.repositories.keySet()) out.add(reg.name + "/" + repo);
            }
            return List.copyOf(out);
        });
    }

    /** Manifests whose {@code subject} is {@code digest}, optionally only those of {@code artifactType}. */
    public List<Descriptor> referrers(Principal p, String name, String digest, String artifactType) {
        OciName n = OciName.parse(name);
        Digests.require(digest);
        return s.read(() -> {
            RepositoryEntity repo = OciAccess.forPull(s, p, n).repositories.get(n.repository());
            List<Descriptor> out = new ArrayList<>();
            if (repo == null) return out;
            for (ImageEntity img : repo.images.values()) {
                if (!digest.equals(img.subject) || img.manifest == null) continue;
                if (artifactType != null && !artifactType.equals(img.artifactType)) continue;
                out.add(new Descriptor(
                        img.manifestMediaType, img.digest, img.manifest.length, img.artifactType, img.annotations));
            }
            out.sort(java.util.Comparator.comparing(Descriptor::digest));
            return out;
        });
    }

    // ---------------------------------------------------------------- push helpers

    /** Every blob and child manifest must be in the repository; returns digest to size of what the image keeps. */
    private Map<String, Long> checkReferences(RegistryEntity reg, RepositoryEntity repo, OciName n, ParsedManifest m) {
        Map<String, Long> refs = new java.util.LinkedHashMap<>();
        if (m.isIndex()) {
            for (Descriptor d : m.children()) {
                if (repo == null || !repo.images.containsKey(d.digest())) throw blobUnknown(d, "child manifest");
                refs.put(d.digest(), d.size());
            }
            return refs;
        }
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(m.config());
        blobs.addAll(m.layers());
        for (Descriptor d : blobs) {
            if (MediaTypes.isNonDistributable(d.mediaType())) continue;
            if (!reg.linked(n.repository(), d.digest()) || !s.blobs.has(d.digest())) throw blobUnknown(d, "blob");
            refs.put(d.digest(), d.size());
        }
        return refs;
    }

    private void fill(
            ImageEntity img,
            byte[] bytes,
            ParsedManifest m,
            Map<String, Long> refs,
            RepositoryEntity repo,
            Instant now) {
        img.describe(bytes, m, refs);
        img.pushedAt = now;
        long size = bytes.length;
        if (m.isIndex()) {
            for (Descriptor d : m.children()) {
                ImageEntity child = repo.images.get(d.digest());
                size += child != null ? child.sizeBytes : d.size();
            }
        } else {
            size += m.config().size();
            for (Descriptor d : m.layers()) size += d.size();
            img.extraAttr = new java.util.LinkedHashMap<>(configAttributes(m.config()));
        }
        img.sizeBytes = size;
    }

    private Map<String, Object> configAttributes(Descriptor config) {
        long size = s.blobs.size(config.digest());
        if (size < 0 || size > 4 * 1024 * 1024) return Map.of();
        try (var in = s.blobs.open(config.digest(), 0, size)) {
            return ManifestParser.configAttributes(in.readAllBytes());
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    static boolean isDigest(String reference) {
        return reference != null && reference.contains(":");
    }

    private static String checkTag(String tag) {
        if (!Tags.isValid(tag)) {
            throw new EmulatorException(
                    ErrorCode.MANIFEST_INVALID,
                    "invalid tag '" + tag + "': tags match " + Tags.RULE,
                    Map.of("tag", String.valueOf(tag)));
        }
        return tag;
    }

    private static boolean acceptable(String stored, Collection<String> accepted) {
        if (accepted == null || accepted.isEmpty()) return true;
        for (String a : accepted) {
            String t = MediaTypes.bare(a);
            if (t.equals("*/*") || t.equals("application/*") || t.equals(stored)) return true;
        }
        return false;
    }

    private static EmulatorException manifestUnknown(String reference) {
        return new EmulatorException(
                ErrorCode.MANIFEST_UNKNOWN,
                "manifest unknown: " + reference,
                isDigest(reference) ? Map.of("Digest", reference) : Map.of("Tag", reference));
    }

    private static EmulatorException blobUnknown(Descriptor d, String what) {
        return new EmulatorException(
                ErrorCode.MANIFEST_BLOB_UNKNOWN,
                "manifest references a " + what + " unknown to this repository: " + d.digest() + "; push it first",
                Map.of("digest", d.digest()));
    }
}
