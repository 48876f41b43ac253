package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.oci.MediaTypes;
import io.mcremulator.core.oci.OciName;
import io.mcremulator.core.oci.Tags;
import io.mcremulator.core.seed.SeedDocument;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a {@link SeedDocument} atomically: every entry is checked first, against the document itself and the
 * current state, and nothing is written unless all of it is valid. Errors name the offending field by its path
 * in the document ({@code registries[1].repositories[0].name}).
 */
final class Seeder {
    private final Emulator emulator;

    Seeder(Emulator emulator) {
        this.emulator = emulator;
    }

    void seed(SeedDocument doc) {
        emulator.writeAllRegions(() -> {
            validate(doc);
            apply(doc);
        });
    }

    // ---------------------------------------------------------------- validation

    private void validate(SeedDocument doc) {
        Map<Region, Set<String>> registryNames = new EnumMap<>(Region.class);
        Map<Region, Set<String>> proxyNames = new EnumMap<>(Region.class);
        Set<UUID> ids = new HashSet<>();
        Map<UUID, String[]> proxyOwners = new HashMap<>(); // id -> {region, tenant}

        Map<Region, Set<String>> docBlobs = new EnumMap<>(Region.class);
        for (int i = 0; i < doc.blobs().size(); i++) {
            SeedDocument.Blob b = doc.blobs().get(i);
            String path = "content.blobs[" + i + "]";
            Region region = region(path, b.region());
            if (!Digests.isSha256(b.digest()))
                fail(path + ".digest", "must be 'sha256:' and 64 lowercase hex digits", b.digest());
            if (b.data() == null) fail(path + ".data_base64", "is required", null);
            if (!Digests.sha256(b.data()).equals(b.digest()))
                fail(path + ".data_base64", "does not hash to the digest", b.digest());
            docBlobs.computeIfAbsent(region, r -> new HashSet<>()).add(b.digest());
        }
        for (int i = 0; i < doc.users().size(); i++) {
            SeedDocument.User u = doc.users().get(i);
            String path = "users[" + i + "]";
            region(path, u.region());
            required(path + ".tenant", u.tenant());
            required(path + ".id", u.id());
            if (u.password() != null && u.password().isEmpty())
                fail(path + ".password", "must not be empty", u.password());
        }
        // registry users: id (given or generated) and identity unique per region, in the document and the state
        Map<Region, Set<UUID>> userIds = new EnumMap<>(Region.class);
        Map<Region, Set<String>> identities = new EnumMap<>(Region.class);
        for (int i = 0; i < doc.registryUsers().size(); i++) {
            SeedDocument.RegistryUser u = doc.registryUsers().get(i);
            String path = "registry_users[" + i + "]";
            Region region = region(path, u.region());
            RegionState s = emulator.state(region);
            required(path + ".tenant", u.tenant());
            required(path + ".username", u.username());
            if (u.id() != null
                    && (s.registryUsers.containsKey(u.id())
                            || !userIds.computeIfAbsent(region, x -> new HashSet<>())
                                    .add(u.id()))) fail(path + ".id", "is already used", u.id());
            boolean taken = s.registryUsers.values().stream().anyMatch(e -> e.is(u.tenant(), u.username()));
            if (taken
                    || !identities
                            .computeIfAbsent(region, x -> new HashSet<>())
                            .add(u.tenant() + "\u0000" + u.username()))
                fail(path + ".username", "already has a registry user in this tenant and region", u.username());
        }
        for (int i = 0; i < doc.apiKeys().size(); i++) {
            SeedDocument.ApiKey k = doc.apiKeys().get(i);
            String path = "api_keys[" + i + "]";
            required(path + ".key", k.key());
            required(path + ".tenant", k.tenant());
            required(path + ".user_id", k.userId());
        }
        for (int i = 0; i < doc.proxyCaches().size(); i++) {
            SeedDocument.ProxyCache pc = doc.proxyCaches().get(i);
            String path = "proxy_caches[" + i + "]";
            Region region = region(path, pc.region());
            RegionState s = emulator.state(region);
            required(path + ".tenant", pc.tenant());
            nameRule(path + ".name", pc.name(), s.config.proxyCacheNameMaxLength());
            if (pc.provider() == null || !s.config.proxyCacheProviders().contains(pc.provider())) {
                fail(path + ".provider", "must be one of " + s.config.proxyCacheProviders(), pc.provider());
            }
            try {
                ProxyCaches.checkUrl(pc.url());
            } catch (EmulatorException e) {
                fail(path + ".url", "must be an absolute http(s) URL", pc.url());
            }
            String key = pc.tenant() + "\u0000" + pc.name();
            boolean taken = s.proxyCaches.values().stream()
                    .anyMatch(o -> o.tenantId.equals(pc.tenant()) && o.name.equals(pc.name()));
            if (taken
                    || !proxyNames.computeIfAbsent(region, r -> new HashSet<>()).add(key)) {
                fail(path + ".name", "is already used by another proxy cache of this tenant", pc.name());
            }
            if (pc.id() != null) {
                if (!ids.add(pc.id()) || s.proxyCaches.containsKey(pc.id()))
                    fail(path + ".id", "is already used", pc.id());
                proxyOwners.put(pc.id(), new String[] {region.id(), pc.tenant()});
            }
        }
        for (int i = 0; i < doc.registries().size(); i++) {
            SeedDocument.Registry r = doc.registries().get(i);
            String path = "registries[" + i + "]";
            Region region = region(path, r.region());
            RegionState s = emulator.state(region);
            required(path + ".tenant", r.tenant());
            nameRule(path + ".name", r.name(), s.config.registryNameMaxLength());
            if (s.registriesByName.containsKey(r.name())
                    || !registryNames
                            .computeIfAbsent(region, x -> new HashSet<>())
                            .add(r.name())) {
                fail(path + ".name", "is already used by another registry (names are global)", r.name());
            }
            if (r.id() != null && (!ids.add(r.id()) || s.registries.containsKey(r.id())))
                fail(path + ".id", "is already used", r.id());
            if (r.proxyCacheId() != null) {
                String[] owner = proxyOwners.get(r.proxyCacheId());
                ProxyCacheEntity existing = s.proxyCaches.get(r.proxyCacheId());
                boolean ok = owner != null
                        ? owner[0].equals(region.id()) && owner[1].equals(r.tenant())
                        : existing != null && existing.tenantId.equals(r.tenant());
                if (!ok)
                    fail(path + ".proxy_cache_id", "names no proxy cache of this tenant and region", r.proxyCacheId());
            }
            Set<UUID> memberUsers = new HashSet<>();
            for (int j = 0; j < r.members().size(); j++) {
                SeedDocument.Member m = r.members().get(j);
                String mpath = path + ".members[" + j + "]";
                if (m.userId() == null) fail(mpath + ".user_id", "is required", null);
                if (!s.registryUsers.containsKey(m.userId())
                        && !userIds.getOrDefault(region, Set.of()).contains(m.userId()))
                    fail(mpath + ".user_id", "names no registry user of this region (registry_users)", m.userId());
                if (!memberUsers.add(m.userId()))
                    fail(mpath + ".user_id", "is already a member of this registry", m.userId());
                if (m.role() != null) {
                    try {
                        MemberRole.parse("role", m.role());
                    } catch (EmulatorException e) {
                        fail(mpath + ".role", "must be developer or guest", m.role());
                    }
                }
                if (m.id() != null && !ids.add(m.id())) fail(mpath + ".id", "is already used", m.id());
            }
            Set<String> repoNames = new HashSet<>();
            for (int j = 0; j < r.repositories().size(); j++) {
                SeedDocument.Repository repo = r.repositories().get(j);
                String rpath = path + ".repositories[" + j + "]";
                if (repo.name() == null) fail(rpath + ".name", "is required", null);
                if (!OciName.isValid(r.name() + "/" + repo.name())) {
                    fail(
                            rpath + ".name",
                            "must be a repository path of lowercase components separated by '/', each matching "
                                    + OciName.COMPONENT_RULE + ", and '<registry>/<repository>' at most "
                                    + OciName.MAX_LENGTH + " characters",
                            repo.name());
                }
                if (!repoNames.add(repo.name())) fail(rpath + ".name", "is repeated in this registry", repo.name());
                if (repo.id() != null && !ids.add(repo.id())) fail(rpath + ".id", "is already used", repo.id());
                Set<String> digests = new HashSet<>();
                Set<String> tags = new HashSet<>();
                for (int k = 0; k < repo.images().size(); k++) {
                    SeedDocument.Image img = repo.images().get(k);
                    String ipath = rpath + ".images[" + k + "]";
                    if (img.digest() != null) {
                        if (!Digests.isSha256(img.digest()))
                            fail(ipath + ".digest", "must be 'sha256:' and 64 lowercase hex digits", img.digest());
                        if (!digests.add(img.digest()))
                            fail(ipath + ".digest", "is repeated in this repository", img.digest());
                    }
                    if (img.manifest() != null)
                        checkContent(
                                img, ipath, s, docBlobs.getOrDefault(region, Set.of()), repo, r.proxyCacheId() != null);
                    if (img.sizeBytes() != null && img.sizeBytes() < 0)
                        fail(ipath + ".size_bytes", "must be >= 0", img.sizeBytes());
                    for (int sc = 0; sc < img.scans().size(); sc++)
                        checkScan(img.scans().get(sc), ipath + ".scans[" + sc + "]", ids, true);
                    for (int t = 0; t < img.tags().size(); t++) {
                        String tag = img.tags().get(t);
                        if (!Tags.isValid(tag)) fail(ipath + ".tags[" + t + "]", "must match " + Tags.RULE, tag);
                        if (!tags.add(tag))
                            fail(
                                    ipath + ".tags[" + t + "]",
                                    "is already used by another image of this repository",
                                    tag);
                    }
                }
            }
        }
    }

    /** A scan of an exported image: a fresh id (children too), a status, and a digest for children. */
    private void checkScan(SeedDocument.Scan scan, String path, Set<UUID> ids, boolean top) {
        if (scan.id() == null) fail(path + ".id", "is required", null);
        boolean known = false;
        for (Region r : Region.values()) known |= emulator.state(r).scanExists(scan.id());
        if (known || !ids.add(scan.id())) fail(path + ".id", "is already used", scan.id());
        if (scan.status() == null) fail(path + ".status", "is required", null);
        if (!top && scan.digest() == null) fail(path + ".digest", "is required for a child scan", null);
        if (scan.digest() != null && !Digests.isSha256(scan.digest()))
            fail(path + ".digest", "must be 'sha256:' and 64 lowercase hex digits", scan.digest());
        if (!top && !scan.children().isEmpty()) fail(path + ".child_scans", "a child scan has no children", null);
        for (int i = 0; i < scan.children().size(); i++)
            checkScan(scan.children().get(i), path + ".child_scans[" + i + "]", ids, false);
    }

    private static ScanEntity scan(
            SeedDocument.Scan s, RegistryEntity reg, RepositoryEntity repo, String imageDigest, Instant dflt) {
        Instant created = or(s.createdAt(), dflt);
        ScanEntity e = new ScanEntity(
                s.id(),
                reg.id,
                repo.id,
                s.digest() != null ? s.digest() : imageDigest,
                s.inputTag(),
                s.os(),
                s.architecture(),
                created);
        e.updatedAt = or(s.updatedAt(), created);
        e.finishedAt = s.status().terminal() ? or(s.finishedAt(), e.updatedAt) : null;
        e.status = s.status();
        e.phaseStart = e.updatedAt;
        e.findings = s.findings();
        for (SeedDocument.Scan c : s.children()) e.children.add(scan(c, reg, repo, imageDigest, created));
        return e;
    }

    /**
     * An image given with its manifest: the digest must be the manifest's, and every referenced blob available, except
     * in a proxy-cache registry ({@code pullThrough}), which fetches missing blobs from its upstream when pulled.
     */
    private static void checkContent(
            SeedDocument.Image img,
            String ipath,
            RegionState s,
            Set<String> docBlobs,
            SeedDocument.Repository repo,
            boolean pullThrough) {
        if (img.digest() == null) fail(ipath + ".digest", "is required with manifest_base64", null);
        if (!Digests.sha256(img.manifest()).equals(img.digest())) {
            fail(ipath + ".manifest_base64", "does not hash to the image's digest", img.digest());
        }
        try {
            ManifestParser.parse(img.manifest(), img.manifestMediaType());
        } catch (EmulatorException e) {
            fail(ipath + ".manifest_base64", "is not a valid manifest: " + e.getMessage(), null);
        }
        if (img.references() != null) {
            for (String d : img.references().keySet()) {
                boolean childManifest = repo.images().stream().anyMatch(i -> d.equals(i.digest()));
                if (!childManifest && !pullThrough && !docBlobs.contains(d) && !s.blobs.has(d))
                    fail(ipath + ".references", "names blob " + d + " that is neither in content.blobs nor stored", d);
            }
        }
    }

    private static Region region(String path, String region) {
        if (region == null) return Region.DEFAULT;
        return Region.parse(region)
                .orElseThrow(() -> EmulatorException.badRequest(
                        "invalid seed: " + path + ".region must be one of br-se1, br-ne1, br-mgl1 (or br-se-1), got '"
                                + region + "'",
                        path + ".region",
                        region));
    }

    private static void required(String path, Object value) {
        if (value == null || (value instanceof String str && str.isBlank())) fail(path, "is required", null);
    }

    private static void nameRule(String path, String name, int max) {
        required(path, name);
        if (name.length() > max || !Names.RESOURCE_NAME.matcher(name).matches()) {
            fail(
                    path,
                    "must be 1 to " + max + " lowercase letters and digits, optionally separated by '.', '_' or '-'",
                    name);
        }
    }

    private static void fail(String path, String what, Object value) {
        throw EmulatorException.badRequest(
                "invalid seed: " + path + " " + what + (value == null ? "" : ", got '" + value + "'"),
                path,
                value == null ? null : value.toString());
    }

    // ---------------------------------------------------------------- apply (cannot fail after validation)

    private void apply(SeedDocument doc) {
        if (!doc.findings().isEmpty()) {
            emulator.advanceAllScans(); // scans already due keep the findings they had
            for (io.mcremulator.core.scan.FindingsRule f : doc.findings())
                emulator.findingsBook().put(f);
        }
        for (SeedDocument.User u : doc.users()) {
            RegionState s = emulator.state(region("", u.region()));
            UserEntity e = new UserEntity(
                    u.id(),
                    u.tenant(),
                    u.email() == null ? Principal.of(u.tenant(), u.id(), null).email() : u.email(),
                    u.password() != null ? u.password() : s.config.ids().password());
            s.users.put(e.key(), e);
            if (u.apiKey() != null) emulator.apiKeys().register(u.apiKey(), Principal.of(u.tenant(), u.id(), e.email));
        }
        for (SeedDocument.RegistryUser u : doc.registryUsers()) {
            RegionState s = emulator.state(region("", u.region()));
            RegistryUserEntity e = new RegistryUserEntity(
                    u.id() != null ? u.id() : s.config.ids().uuid(),
                    u.tenant(),
                    u.username(),
                    or(u.createdAt(), s.now()));
            s.registryUsers.put(e.id, e);
        }
        for (SeedDocument.Blob b : doc.blobs())
            emulator.state(region("", b.region())).blobs.putGenerated(b.digest(), b.data());
        for (SeedDocument.ApiKey k : doc.apiKeys()) {
            emulator.apiKeys().register(k.key(), Principal.of(k.tenant(), k.userId(), k.email()));
        }
        for (SeedDocument.ProxyCache pc : doc.proxyCaches()) {
            RegionState s = emulator.state(region("", pc.region()));
            Instant created = or(pc.createdAt(), s.now());
            ProxyCacheEntity e = new ProxyCacheEntity(
                    pc.id() != null ? pc.id() : s.config.ids().uuid(),
                    pc.tenant(),
                    pc.name(),
                    pc.provider(),
                    pc.url(),
                    created);
            e.updatedAt = or(pc.updatedAt(), created);
            e.accessKey = nz(pc.accessKey());
            e.accessSecret = nz(pc.accessSecret());
            e.description = nz(pc.description());
            s.proxyCaches.put(e.id, e);
        }
        for (SeedDocument.Registry r : doc.registries()) {
            RegionState s = emulator.state(region("", r.region()));
            Instant created = or(r.createdAt(), s.now());
            RegistryEntity reg = new RegistryEntity(
                    r.id() != null ? r.id() : s.config.ids().uuid(), r.tenant(), r.name(), r.proxyCacheId(), created);
            reg.updatedAt = or(r.updatedAt(), created);
            reg.createdBy = r.createdBy();
            for (SeedDocument.Member m : r.members()) {
                Instant mc = or(m.createdAt(), s.now());
                MemberEntity me = new MemberEntity(
                        m.id() != null ? m.id() : s.config.ids().uuid(),
                        m.userId(),
                        m.role() == null ? MemberRole.GUEST : MemberRole.parse("role", m.role()),
                        mc);
                me.updatedAt = or(m.updatedAt(), mc);
                reg.putMember(me);
            }
            for (SeedDocument.Repository repo : r.repositories()) {
                Instant rc = or(repo.createdAt(), created);
                RepositoryEntity re = new RepositoryEntity(
                        repo.id() != null ? repo.id() : s.config.ids().uuid(), repo.name(), rc);
                re.updatedAt = or(repo.updatedAt(), rc);
                for (int k = 0; k < repo.images().size(); k++) {
                    SeedDocument.Image img = repo.images().get(k);
                    Instant pushed = or(img.pushedAt(), rc);
                    ImageEntity ie;
                    if (img.digest() == null) {
                        // No digest: a real, pullable image (see docs/behaviour.md "Seeded images").
                        SeedImages.Built b = SeedImages.build(r.name(), repo.name(), k, pushed);
                        ie = new ImageEntity(b.digest());
                        SeedImages.install(s, reg, repo.name(), ie, b);
                        ie.sizeBytes = img.sizeBytes() == null ? b.sizeBytes() : img.sizeBytes();
                        if (img.mediaType() != null) ie.mediaType = img.mediaType();
                    } else if (img.manifest() != null) {
                        // Exported with content: the image as it was pushed, pullable again.
                        ie = new ImageEntity(img.digest());
                        withContent(ie, img, reg, repo.name());
                    } else {
                        // A given digest: metadata only; /v2 answers MANIFEST_UNKNOWN for it.
                        ie = new ImageEntity(img.digest());
                        ie.sizeBytes = img.sizeBytes() == null ? 0 : img.sizeBytes();
                        ie.references.put(img.digest() + "#content", ie.sizeBytes);
                        ie.manifestMediaType =
                                img.manifestMediaType() != null ? img.manifestMediaType() : MediaTypes.OCI_MANIFEST;
                        ie.mediaType = img.mediaType() != null ? img.mediaType() : MediaTypes.OCI_CONFIG;
                    }
                    ie.pushedAt = pushed;
                    ie.pulledAt = img.pulledAt();
                    if (img.extraAttr() != null) ie.extraAttr = new LinkedHashMap<>(img.extraAttr());
                    re.images.put(ie.digest, ie);
                    for (SeedDocument.Scan sc : img.scans()) {
                        ScanEntity scan = scan(sc, reg, re, ie.digest, s.now());
                        ie.scans.put(scan.id, scan);
                        RegionState.ScanRef ref = new RegionState.ScanRef(reg.id, re.id, ie.digest, scan.id);
                        s.scanIndex.put(scan.id, ref);
                        for (ScanEntity c : scan.children) s.scanIndex.put(c.id, ref);
                    }
                    for (String tag : img.tags()) re.tag(ie, tag, ie.pushedAt);
                    if (ie.pulledAt != null) for (TagEntity t : ie.tags.values()) t.pulledAt = ie.pulledAt;
                }
                reg.addRepository(re);
            }
            s.registries.put(reg.id, reg);
            s.registriesByName.put(reg.name, reg);
        }
    }

    private static void withContent(ImageEntity ie, SeedDocument.Image img, RegistryEntity reg, String repository) {
        ParsedManifest m = ManifestParser.parse(img.manifest(), img.manifestMediaType());
        ie.describe(
                img.manifest(),
                m,
                img.references() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(img.references()));
        if (img.mediaType() != null) ie.mediaType = img.mediaType();
        ie.sizeBytes = img.sizeBytes() != null ? img.sizeBytes() : 0;
        reg.links(repository).addAll(ie.references.keySet());
    }

    private static Instant or(Instant v, Instant dflt) {
        return v != null ? v : dflt;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
