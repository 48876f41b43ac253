package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.seed.SeedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the state (all of it, or one tenant's) as a {@link SeedDocument}, so that seeding an empty emulator with
 * it gives back the same registries, repositories, images, proxy caches, users and API keys, with the same ids and
 * timestamps. What the seed format cannot hold is listed in docs/behaviour.md (per-tag push times, password
 * generations, manifest and blob bytes); named checkpoints ({@link StateSnapshot}) keep those.
 */
final class StateExporter {
    private StateExporter() {}

    /** The caller holds every region's lock. {@code tenant} null means every tenant. */
    static SeedDocument export(Emulator emulator, String tenant, boolean content) {
        return export(emulator, tenant, content, content);
    }

    /**
     * With {@code content} but without {@code blobBytes}, images carry their manifests and references but the
     * document no blob bytes (persistence keeps those as files: {@link DurableState}).
     */
    static SeedDocument export(Emulator emulator, String tenant, boolean content, boolean blobBytes) {
        List<SeedDocument.User> users = new ArrayList<>();
        List<SeedDocument.ProxyCache> caches = new ArrayList<>();
        List<SeedDocument.Registry> registries = new ArrayList<>();
        List<SeedDocument.Blob> blobs = new ArrayList<>();
        List<SeedDocument.RegistryUser> registryUsers = new ArrayList<>();
        for (Region region : Region.values()) {
            RegionState s = emulator.state(region);
            for (RegistryUserEntity u : s.registryUsers.values()) {
                if (mine(tenant, u.tenantId))
                    registryUsers.add(
                            new SeedDocument.RegistryUser(region.id(), u.tenantId, u.id, u.username, u.createdAt));
            }
            s.users.values().stream()
                    .filter(u -> mine(tenant, u.tenantId))
                    .sorted(Comparator.comparing(u -> u.userId))
                    .forEach(u -> users.add(
                            new SeedDocument.User(region.id(), u.tenantId, u.userId, u.email, u.password, null)));
            for (ProxyCacheEntity pc : s.proxyCaches.values()) {
                if (!mine(tenant, pc.tenantId)) continue;
                caches.add(new SeedDocument.ProxyCache(
                        region.id(),
                        pc.tenantId,
                        pc.id,
                        pc.name,
                        pc.provider,
                        pc.url,
                        pc.accessKey,
                        pc.accessSecret,
                        pc.description,
                        pc.createdAt,
                        pc.updatedAt));
            }
            java.util.Set<String> used = new java.util.TreeSet<>();
            for (RegistryEntity r : s.registries.values()) {
                if (!mine(tenant, r.tenantId)) continue;
                List<SeedDocument.Repository> repos = new ArrayList<>();
                for (RepositoryEntity repo : r.repositories.values()) repos.add(repository(repo, content, used));
                List<SeedDocument.Member> members = new ArrayList<>();
                for (MemberEntity m : r.members.values()) {
                    // A one-tenant export holds only that tenant's registry users: memberships of others are left out.
                    RegistryUserEntity u = s.registryUsers.get(m.userId);
                    if (u == null || !mine(tenant, u.tenantId)) continue;
                    members.add(new SeedDocument.Member(m.id, m.userId, m.role.apiName(), m.createdAt, m.updatedAt));
                }
                registries.add(new SeedDocument.Registry(
                        region.id(),
                        r.tenantId,
                        r.id,
                        r.name,
                        r.proxyCacheId,
                        r.createdAt,
                        r.updatedAt,
                        repos,
                        r.createdBy,
                        members));
            }
            for (String digest : used) {
                if (!blobBytes || !s.blobs.has(digest)) continue;
                try (java.io.InputStream in = s.blobs.open(digest, 0, s.blobs.size(digest))) {
                    blobs.add(new SeedDocument.Blob(region.id(), digest, in.readAllBytes()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read blob " + digest + " for an export", e);
                }
            }
        }
        List<SeedDocument.ApiKey> keys = new ArrayList<>();
        for (Map.Entry<String, Principal> e : new TreeMap<>(emulator.apiKeys().all()).entrySet()) {
            Principal p = e.getValue();
            if (mine(tenant, p.tenantId()))
                keys.add(new SeedDocument.ApiKey(e.getKey(), p.tenantId(), p.userId(), p.email()));
        }
        return new SeedDocument(
                users,
                caches,
                registries,
                keys,
                blobs,
                registryUsers,
                tenant == null ? emulator.findings() : List.of());
    }

    /** With {@code content}, images that have a manifest carry it and their references, collected into {@code used}. */
    private static SeedDocument.Repository repository(
            RepositoryEntity repo, boolean content, java.util.Set<String> used) {
        List<SeedDocument.Image> images = new ArrayList<>();
        for (ImageEntity img : repo.images.values()) {
            boolean withContent = content && img.manifest != null;
            Map<String, Long> refs = null;
            if (withContent) {
                refs = new LinkedHashMap<>();
                for (Map.Entry<String, Long> e : img.references.entrySet()) {
                    if (e.getKey().contains("#")) continue; // metadata-only size marker, not a blob
                    refs.put(e.getKey(), e.getValue());
                    used.add(e.getKey());
                }
            }
            images.add(new SeedDocument.Image(
                    img.digest,
                    List.copyOf(img.tags.keySet()),
                    img.sizeBytes,
                    img.manifestMediaType,
                    img.mediaType,
                    img.pushedAt,
                    img.pulledAt,
                    img.extraAttr.isEmpty() ? null : new LinkedHashMap<>(img.extraAttr),
                    withContent ? img.manifest.clone() : null,
                    refs,
                    img.scans.values().stream().map(StateExporter::scan).toList()));
        }
        return new SeedDocument.Repository(repo.id, repo.name, repo.createdAt, repo.updatedAt, images);
    }

    private static boolean mine(String tenant, String owner) {
        return tenant == null || tenant.equals(owner);
    }

    private static SeedDocument.Scan scan(ScanEntity e) {
        return new SeedDocument.Scan(
                e.id,
                e.digest,
                e.inputTag,
                e.status,
                e.os,
                e.architecture,
                e.createdAt,
                e.updatedAt,
                e.finishedAt,
                e.findings,
                e.children.stream().map(StateExporter::scan).toList());
    }
}
