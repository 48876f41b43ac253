package io.mcremulator.server.api;

import io.mcremulator.core.Scans;
import io.mcremulator.core.scan.ScanStatus;
import io.mcremulator.core.scan.Severity;
import io.mcremulator.server.http.Call;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Image scans (2026-05 contract): schedule and list per image, then get, stop and read findings by scan id. */
public final class ScansApi {
    public void schedule(Call c) {
        var scan = c.engine()
                .scans()
                .schedule(
                        c.principal(), c.uuidPath("registry_id"), c.uuidPath("repository_id"), c.path("digest_or_tag"));
        c.json(202, ScanViews.scheduled(scan));
    }

    public void list(Call c) {
        String status = c.filter("status");
        var page = c.engine()
                .scans()
                .list(
                        c.principal(),
                        c.uuidPath("registry_id"),
                        c.uuidPath("repository_id"),
                        c.path("digest_or_tag"),
                        c.page(Scans.SORT),
                        status == null ? null : ScanStatus.parse(status, "status"));
        c.json(200, Views.list(page, ScanViews::scan));
    }

    public void get(Call c) {
        c.json(200, ScanViews.scan(c.engine().scans().get(c.principal(), c.uuidPath("scan_id"))));
    }

    public void vulnerabilities(Call c) {
        var filter = new Scans.VulnerabilityFilter(
                severities(c), c.filter("package_name"), c.filter("cve_id"), fixable(c.filter("fixable")));
        var page = c.engine()
                .scans()
                .vulnerabilities(c.principal(), c.uuidPath("scan_id"), c.page(Scans.VULNERABILITY_SORT), filter);
        c.json(200, Views.list(page, ScanViews::vulnerability));
    }

    public void stop(Call c) {
        c.engine().scans().stop(c.principal(), c.uuidPath("scan_id"));
        c.noContent();
    }

    /** {@code severity}, repeated (form, explode) or comma-separated; an unknown value is a 400. */
    private static Set<Severity> severities(Call c) {
        Set<Severity> out = EnumSet.noneOf(Severity.class);
        for (String raw : c.ctx().queryParams("severity"))
            for (String v : raw.split(",")) {
                String t = v.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) out.add(Severity.parse(t, "severity"));
            }
        return out;
    }

    private static Boolean fixable(String raw) {
        if (raw == null) return null;
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw io.mcremulator.core.error.EmulatorException.badRequest(
                        "invalid param: fixable must be true or false, got '" + raw + "'", "fixable", raw);
        };
    }
}
