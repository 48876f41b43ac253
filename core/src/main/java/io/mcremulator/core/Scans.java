package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.oci.JsonText;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.paging.SortFields;
import io.mcremulator.core.scan.ScanControls;
import io.mcremulator.core.scan.ScanInfo;
import io.mcremulator.core.scan.ScanStatus;
import io.mcremulator.core.scan.Severity;
import io.mcremulator.core.scan.SeveritySummary;
import io.mcremulator.core.scan.Vulnerability;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Image scans of one region: schedule, list, get, stop, and the findings of a scan. A scan's status follows the
 * engine's clock ({@link ScanProgress}); every operation brings the scans it touches up to date first.
 */
public final class Scans {
    public static final SortFields<ScanInfo> SORT = SortFields.<ScanInfo>builder()
            .field("created_at", ScanInfo::createdAt)
            .field("updated_at", ScanInfo::updatedAt)
            .field("finished_at", ScanInfo::finishedAt)
            .field("status", i -> i.status().ordinal())
            .field("digest", ScanInfo::digest)
            .defaultSort("created_at:desc")
            .tieBreak(Comparator.comparing(ScanInfo::id))
            .build();

    /** Severity sorts by rank (critical above high ...), never alphabetically. */
    public static final SortFields<Vulnerability> VULNERABILITY_SORT = SortFields.<Vulnerability>builder()
            .field("severity", v -> v.severity().ordinal())
            .field("cve_id", Vulnerability::cveId)
            .field("package_name", Vulnerability::packageName)
            .field("fixable", Vulnerability::fixable)
            .field(
                    "cvss_score",
                    v -> v.cvss().max() == null ? null : v.cvss().max().score())
            .defaultSort("severity:desc")
            .tieBreak(Comparator.comparing(Vulnerability::cveId)
                    .thenComparing(Vulnerability::packageName)
                    .thenComparing(Vulnerability::currentVersion))
            .build();

    /** Filters of the vulnerability list; null or empty fields keep everything. */
    public record VulnerabilityFilter(Set<Severity> severities, String packageName, String cveId, Boolean fixable) {
        boolean test(Vulnerability v) {
            return (severities == null || severities.isEmpty() || severities.contains(v.severity()))
                    && contains(v.packageName(), packageName)
                    && contains(v.cveId(), cveId)
                    && (fixable == null || v.fixable() == fixable);
        }

        private static boolean contains(String value, String part) {
            return part == null || value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
        }
    }

    private final RegionState s;

    Scans(RegionState s) {
        this.s = s;
    }

    /** Schedules a scan of the image a digest or tag names; it starts {@code pending}. */
    public ScanInfo schedule(Principal p, UUID registryId, UUID repositoryId, String digestOrTag) {
        return s.write(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            RepositoryEntity repo = s.repository(reg, repositoryId);
            ImageEntity img = s.image(repo, digestOrTag);
            String inputTag = repo.images.containsKey(digestOrTag) ? null : digestOrTag;
            Instant at = s.config.clock().instant();
            Instant shown = at.truncatedTo(ChronoUnit.SECONDS);
            ScanEntity scan = new ScanEntity(
                    s.config.ids().uuid(),
                    reg.id,
                    repo.id,
                    img.digest,
                    inputTag,
                    attr(img.extraAttr, "os"),
                    attr(img.extraAttr, "architecture"),
                    shown);
            scan.phaseStart = at;
            scan.failAtEnd = s.scanControls.takeFailure();
            for (Platform pm : platforms(img)) {
                ScanEntity child = new ScanEntity(
                        s.config.ids().uuid(), reg.id, repo.id, pm.digest(), null, pm.os(), pm.architecture(), shown);
                child.phaseStart = at;
                scan.children.add(child);
            }
            img.scans.put(scan.id, scan);
            s.scanIndex.put(scan.id, new RegionState.ScanRef(reg.id, repo.id, img.digest, scan.id));
            for (ScanEntity c : scan.children)
                s.scanIndex.put(c.id, new RegionState.ScanRef(reg.id, repo.id, img.digest, scan.id));
            return view(scan);
        });
    }

    /** The scans of one image, filtered by status. */
    public Page<ScanInfo> list(
            Principal p, UUID registryId, UUID repositoryId, String digestOrTag, PageRequest req, ScanStatus status) {
        Page<ScanInfo> quick = s.read(() -> {
            ImageEntity img = s.image(s.repository(s.registry(p, registryId), repositoryId), digestOrTag);
            Instant now = s.config.clock().instant();
            List<ScanInfo> views = new ArrayList<>(img.scans.size());
            for (ScanEntity scan : img.scans.values()) {
                if (progress().due(scan, now)) return null;
                views.add(view(scan));
            }
            return Paging.page(views, v -> status == null || v.status() == status, req, SORT);
        });
        if (quick != null) return quick;
        return s.write(() -> {
            RegistryEntity reg = s.registry(p, registryId);
            RepositoryEntity repo = s.repository(reg, repositoryId);
            ImageEntity img = s.image(repo, digestOrTag);
            List<ScanInfo> views = new ArrayList<>(img.scans.size());
            for (ScanEntity scan : img.scans.values()) {
                progress().advance(reg, repo, img, scan, s.config.clock().instant());
                views.add(view(scan));
            }
            return Paging.page(views, v -> status == null || v.status() == status, req, SORT);
        });
    }

    /** One scan, a parent or a child, by id. */
    public ScanInfo get(Principal p, UUID scanId) {
        ScanInfo quick = s.read(() -> {
            Located l = find(p, scanId);
            return progress().due(l.top(), s.config.clock().instant()) ? null : view(l.scan());
        });
        return quick != null ? quick : s.write(() -> view(locate(p, scanId).scan()));
    }

    /** The findings of a scan (a parent's are its children's); empty until it completed. */
    public Page<Vulnerability> vulnerabilities(Principal p, UUID scanId, PageRequest req, VulnerabilityFilter filter) {
        Page<Vulnerability> quick = s.read(() -> {
            Located l = find(p, scanId);
            if (progress().due(l.top(), s.config.clock().instant())) return null;
            List<Vulnerability> all =
                    l.scan().status == ScanStatus.COMPLETED ? l.scan().allFindings() : List.of();
            return Paging.page(all, filter::test, req, VULNERABILITY_SORT);
        });
        if (quick != null) return quick;
        return s.write(() -> {
            ScanEntity scan = locate(p, scanId).scan();
            List<Vulnerability> all = scan.status == ScanStatus.COMPLETED ? scan.allFindings() : List.of();
            return Paging.page(all, filter::test, req, VULNERABILITY_SORT);
        });
    }

    /** Stops a pending or running scan and its children (a child's id stops its whole job); a finished scan stays. */
    public void stop(Principal p, UUID scanId) {
        s.writeRun(() -> {
            ScanEntity top = locate(p, scanId).top();
            if (!top.status.terminal())
                ScanProgress.end(top, ScanStatus.STOPPED, s.config.clock().instant());
        });
    }

    /** A scan found by id: the one asked for, and the top scan of its job (the same one unless it is a child). */
    private record Located(ScanEntity top, ScanEntity scan) {}

    /**
     * Finds a scan of the caller's tenant without changing anything (reads run under the read lock and answer from
     * here when nothing is due); 404 otherwise.
     */
    private Located find(Principal p, UUID scanId) {
        RegionState.ScanRef ref = s.scanIndex.get(scanId);
        EmulatorException notFound = EmulatorException.notFound("scan", scanId.toString());
        if (ref == null) throw notFound;
        RegistryEntity reg = s.registries.get(ref.registryId());
        RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
        ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
        ScanEntity top = img == null ? null : img.scans.get(ref.topId());
        if (top == null || !reg.tenantId.equals(p.tenantId())) throw notFound;
        if (top.id.equals(scanId)) return new Located(top, top);
        for (ScanEntity c : top.children) if (c.id.equals(scanId)) return new Located(top, c);
        throw notFound;
    }

    /** Finds a scan of the caller's tenant and brings its job up to date; 404 otherwise. */
    private Located locate(Principal p, UUID scanId) {
        RegionState.ScanRef ref = s.scanIndex.get(scanId);
        EmulatorException notFound = EmulatorException.notFound("scan", scanId.toString());
        if (ref == null) throw notFound;
        RegistryEntity reg = s.registries.get(ref.registryId());
        RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
        ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
        ScanEntity top = img == null ? null : img.scans.get(ref.topId());
        if (top == null) {
            s.scanIndex.remove(scanId); // its image, repository or registry was deleted
            throw notFound;
        }
        if (!reg.tenantId.equals(p.tenantId())) throw notFound;
        progress().advance(reg, repo, img, top, s.config.clock().instant());
        if (top.id.equals(scanId)) return new Located(top, top);
        for (ScanEntity c : top.children) if (c.id.equals(scanId)) return new Located(top, c);
        throw notFound;
    }

    private ScanProgress progress() {
        return new ScanProgress(s.scanControls, s.findings);
    }

    ScanInfo view(ScanEntity e) {
        List<ScanInfo> children = new ArrayList<>(e.children.size());
        SeveritySummary sum = e.status == ScanStatus.COMPLETED ? SeveritySummary.EMPTY : null;
        for (ScanEntity c : e.children) {
            ScanInfo ci = view(c);
            children.add(ci);
            if (sum != null && ci.summary() != null) sum = sum.plus(ci.summary());
        }
        if (sum != null && e.children.isEmpty()) sum = SeveritySummary.of(e.findings);
        return new ScanInfo(
                e.id,
                e.registryId,
                e.repositoryId,
                e.digest,
                e.inputTag,
                e.status,
                e.os,
                e.architecture,
                sum,
                e.createdAt,
                e.updatedAt,
                e.finishedAt,
                children);
    }

    private static String attr(Map<String, Object> extra, String key) {
        return extra.get(key) instanceof String v && !v.isEmpty() ? v : null;
    }

    /** A platform manifest of an index: its digest, os and architecture. */
    record Platform(String digest, String os, String architecture) {}

    /**
     * The platform manifests of an index, from its {@code manifests[].platform}; attestation manifests (platform
     * {@code unknown/unknown}, as buildx writes them) are not platforms. None for an image manifest.
     */
    static List<Platform> platforms(ImageEntity img) {
        if (img.manifest == null
                || img.manifestMediaType == null
                || !img.manifestMediaType.contains("index") && !img.manifestMediaType.contains("manifest.list"))
            return List.of();
        Object root;
        try {
            root = JsonText.parse(img.manifest);
        } catch (RuntimeException e) {
            return List.of();
        }
        List<Platform> out = new ArrayList<>();
        if (root instanceof Map<?, ?> m && m.get("manifests") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> d) || !(d.get("digest") instanceof String digest)) continue;
                String os = null, arch = null;
                if (d.get("platform") instanceof Map<?, ?> pf) {
                    os = pf.get("os") instanceof String v ? v : null;
                    arch = pf.get("architecture") instanceof String v ? v : null;
                }
                if ("unknown".equals(os) && "unknown".equals(arch)) continue;
                if (d.get("annotations") instanceof Map<?, ?> a && a.containsKey("vnd.docker.reference.type")) continue;
                out.add(new Platform(digest, os, arch));
            }
        }
        return out;
    }

    /** Brings every scan of this region up to date: before the controls or the findings change. */
    void advanceAll() {
        Instant now = s.config.clock().instant();
        ScanProgress progress = progress();
        s.scanIndex.entrySet().removeIf(e -> {
            RegionState.ScanRef ref = e.getValue();
            RegistryEntity reg = s.registries.get(ref.registryId());
            RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
            ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
            ScanEntity top = img == null ? null : img.scans.get(ref.topId());
            if (top == null) return true;
            if (top.id.equals(e.getKey())) progress.advance(reg, repo, img, top, now);
            return false;
        });
    }

    /** Every scan not yet finished (its children too), for {@link ScanControls} changes and "complete all now". */
    List<ScanEntity> unfinished() {
        List<ScanEntity> out = new ArrayList<>();
        for (RegionState.ScanRef ref : s.scanIndex.values()) {
            RegistryEntity reg = s.registries.get(ref.registryId());
            RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
            ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
            ScanEntity top = img == null ? null : img.scans.get(ref.topId());
            if (top != null && !top.status.terminal() && !out.contains(top)) out.add(top);
        }
        return out;
    }

    /** Completes every unfinished scan now, held ones included ("complete all now"); returns how many. */
    int completeAll() {
        Instant now = s.config.clock().instant();
        ScanProgress progress = progress();
        int n = 0;
        for (RegionState.ScanRef ref : List.copyOf(s.scanIndex.values())) {
            RegistryEntity reg = s.registries.get(ref.registryId());
            RepositoryEntity repo = reg == null ? null : reg.repositoriesById.get(ref.repositoryId());
            ImageEntity img = repo == null ? null : repo.images.get(ref.digest());
            ScanEntity top = img == null ? null : img.scans.get(ref.topId());
            if (top == null || top.status.terminal()) continue;
            progress.finish(reg, repo, img, top, now);
            n++;
        }
        return n;
    }

    /** After a hold is lifted, held scans start their phase again from now. */
    void restartHeld(ScanControls.Hold lifted) {
        Instant now = s.config.clock().instant();
        for (ScanEntity top : unfinished()) {
            boolean held = lifted == ScanControls.Hold.PENDING && top.status == ScanStatus.PENDING
                    || lifted == ScanControls.Hold.RUNNING && top.status == ScanStatus.RUNNING;
            if (held) {
                top.phaseStart = now;
                for (ScanEntity c : top.children) c.phaseStart = now;
            }
        }
    }
}
