package io.mcremulator.server.api;

import static io.mcremulator.server.http.Json.time;

import io.mcremulator.core.scan.Cvss;
import io.mcremulator.core.scan.ScanInfo;
import io.mcremulator.core.scan.SeveritySummary;
import io.mcremulator.core.scan.Vulnerability;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of the scan operations, field by field as the 2026-05 schemas name them. */
public final class ScanViews {
    private ScanViews() {}

    /** ImageScanScheduleResponse. */
    public static Map<String, Object> scheduled(ScanInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("digest", s.digest());
        m.put("registry_id", s.registryId().toString());
        m.put("repository_id", s.repositoryId().toString());
        m.put("input_tag", s.inputTag());
        m.put("status", s.status().id());
        m.put("created_at", time(s.createdAt()));
        m.put("updated_at", time(s.updatedAt()));
        return m;
    }

    /**
     * ImageScanResponse (ChildImageScanResponse for a child): {@code input_tag} only when scheduled by tag (the
     * parent's schema does not allow null there), {@code severity_summary} once completed, {@code child_scans} for
     * an index.
     */
    public static Map<String, Object> scan(ScanInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("digest", s.digest());
        if (s.inputTag() != null) m.put("input_tag", s.inputTag());
        m.put("status", s.status().id());
        m.put("os", s.os());
        m.put("architecture", s.architecture());
        if (s.summary() != null) m.put("severity_summary", summary(s.summary()));
        m.put("created_at", time(s.createdAt()));
        m.put("updated_at", time(s.updatedAt()));
        m.put("finished_at", s.finishedAt() == null ? null : time(s.finishedAt()));
        if (!s.children().isEmpty())
            m.put("child_scans", s.children().stream().map(ScanViews::scan).toList());
        return m;
    }

    public static Map<String, Object> summary(SeveritySummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", s.total());
        m.put("low", s.low());
        m.put("medium", s.medium());
        m.put("high", s.high());
        m.put("critical", s.critical());
        m.put("fixable", s.fixable());
        return m;
    }

    /** VulnerabilityResponse. */
    public static Map<String, Object> vulnerability(Vulnerability v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cve_id", v.cveId());
        m.put("severity", v.severity().id());
        m.put("cvss", cvss(v.cvss()));
        m.put("is_allowlisted", v.allowlisted());
        m.put("package_name", v.packageName());
        m.put("current_version", v.currentVersion());
        m.put("fixed_version", v.fixedVersion());
        m.put("fixable", v.fixable());
        if (v.targetPath() != null) m.put("target_path", v.targetPath());
        m.put("description", v.description());
        m.put("links", v.links());
        return m;
    }

    /**
     * VulnerabilityCvssResponse. {@code preferred} and {@code max} are always objects (with null members when
     * unknown): the schema marks them nullable next to an {@code allOf}, which validators read differently.
     */
    public static Map<String, Object> cvss(Cvss c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preferred", score(c.preferred() == null ? new Cvss.Score(null, null) : c.preferred()));
        Map<String, Object> max = new LinkedHashMap<>();
        max.put("source", c.max() == null ? null : c.max().source());
        max.put("score", c.max() == null ? null : c.max().score());
        max.put("vector", c.max() == null ? null : c.max().vector());
        m.put("max", max);
        Map<String, Object> by = new LinkedHashMap<>();
        c.bySource().forEach((k, v) -> by.put(k, score(v)));
        m.put("by_source", by);
        return m;
    }

    private static Map<String, Object> score(Cvss.Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", s.score());
        m.put("vector", s.vector());
        return m;
    }
}
