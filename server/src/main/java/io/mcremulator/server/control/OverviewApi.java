package io.mcremulator.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.scan.ScanInfo;
import io.mcremulator.core.scan.SeveritySummary;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.JsonAnswers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /_emulator/overview[?tenant=t]}: the state as the web console shows it. It is the export document
 * (so whatever the export carries, such as members or scans, reaches the console too) with secrets left out,
 * each registry's {@code storage_usage_bytes}, each pushed image's manifest read into {@code manifest} (its media
 * type, config, layers and, for an index, the platforms of its children) and each scanned image's latest scan
 * ({@code scan}: status and severity counts), and each proxy cache's {@code status}. Blob bytes are never read.
 */
public final class OverviewApi {
    /** Fields of the export the console has no business showing. */
    private static final Set<String> SECRETS = Set.of("password", "api_key", "access_secret", "access_key");

    private final ControlPlane plane;

    OverviewApi(ControlPlane plane) {
        this.plane = plane;
    }

    public void get(Context ctx) {
        String tenant = ctx.queryParam("tenant");
        if (tenant != null && tenant.isBlank()) tenant = null;
        Emulator e = plane.emulator();
        Map<String, Object> doc = SeedWriter.write(
                e.exportWithManifests(tenant), e.config().clock().instant(), tenant, false);
        doc.remove("api_keys");
        doc.remove("content");
        for (Object r : list(doc.get("registries"))) registry(e, cast(r));
        for (Object pc : list(doc.get("proxy_caches"))) proxyCacheStatus(e, cast(pc));
        scrub(doc);
        doc.put("regions", regions());
        JsonAnswers.write(ctx, 200, doc);
    }

    private static List<String> regions() {
        List<String> out = new ArrayList<>();
        for (Region r : Region.values()) out.add(r.id());
        return out;
    }

    private static void registry(Emulator e, Map<String, Object> r) {
        try {
            Region region = Region.parse((String) r.get("region")).orElseThrow();
            Principal owner = Principal.of((String) r.get("tenant"), "mcr-emulator-console", null);
            long bytes = e.region(region)
                    .registries()
                    .get(owner, UUID.fromString((String) r.get("id")))
                    .storageUsageBytes();
            r.put("storage_usage_bytes", bytes);
        } catch (RuntimeException ex) {
            r.put("storage_usage_bytes", null); // deleted meanwhile: the console shows no bar
        }
        for (Object repo : list(r.get("repositories"))) {
            for (Object img : list(cast(repo).get("images"))) {
                image(cast(img));
                scan(e, r, cast(repo), cast(img));
            }
        }
    }

    /** A proxy cache's status as {@code GET /v0/proxy-caches/{id}/status} answers it: {@code status}, {@code message}. */
    private static void proxyCacheStatus(Emulator e, Map<String, Object> pc) {
        try {
            Region region = Region.parse((String) pc.get("region")).orElseThrow();
            Principal owner = Principal.of((String) pc.get("tenant"), "mcr-emulator-console", null);
            io.mcremulator.core.model.StatusCheck check =
                    e.region(region).proxyCaches().status(owner, UUID.fromString((String) pc.get("id")));
            pc.put("status", Map.of("status", check.status(), "message", check.message()));
        } catch (RuntimeException ex) {
            // gone meanwhile: no status
        }
    }

    /**
     * The image's latest scan, flat: {@code id}, {@code status}, times, the severity counts once it completed
     * ({@code critical}, {@code high}, {@code medium}, {@code low}, {@code unknown}, {@code total}, {@code fixable})
     * and how many scans the image has. Absent when it was never scanned.
     */
    private static void scan(Emulator e, Map<String, Object> r, Map<String, Object> repo, Map<String, Object> img) {
        try {
            Region region = Region.parse((String) r.get("region")).orElseThrow();
            Principal owner = Principal.of((String) r.get("tenant"), "mcr-emulator-console", null);
            List<ScanInfo> scans = e.region(region)
                    .scans()
                    .list(
                            owner,
                            UUID.fromString((String) r.get("id")),
                            UUID.fromString((String) repo.get("id")),
                            (String) img.get("digest"),
                            PageRequest.of(1, 0, "created_at:desc"),
                            null)
                    .results();
            if (scans.isEmpty()) return;
            ScanInfo latest = scans.get(0);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", latest.id().toString());
            out.put("status", latest.status().id());
            out.put("created_at", Json.time(latest.createdAt()));
            if (latest.finishedAt() != null) out.put("finished_at", Json.time(latest.finishedAt()));
            SeveritySummary sum = latest.summary();
            if (sum != null) {
                out.put("critical", sum.critical());
                out.put("high", sum.high());
                out.put("medium", sum.medium());
                out.put("low", sum.low());
                out.put("unknown", Math.max(0, sum.total() - sum.critical() - sum.high() - sum.medium() - sum.low()));
                out.put("total", sum.total());
                out.put("fixable", sum.fixable());
            }
            img.put("scan", out);
        } catch (RuntimeException ex) {
            // an image without an id-addressable repository, or gone meanwhile: no scan column
        }
    }

    private static void image(Map<String, Object> img) {
        img.remove("references");
        Object b64 = img.remove("manifest_base64");
        if (!(b64 instanceof String s)) return;
        try {
            JsonNode m = Json.MAPPER.readTree(Base64.getDecoder().decode(s));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mediaType", text(m, "mediaType"));
            if (m.has("artifactType")) out.put("artifactType", text(m, "artifactType"));
            if (m.hasNonNull("config")) out.put("config", descriptor(m.get("config")));
            if (m.has("layers")) {
                List<Object> layers = new ArrayList<>();
                for (JsonNode l : m.get("layers")) layers.add(descriptor(l));
                out.put("layers", layers);
            }
            if (m.has("manifests")) {
                List<Object> children = new ArrayList<>();
                for (JsonNode c : m.get("manifests")) {
                    Map<String, Object> d = descriptor(c);
                    JsonNode p = c.get("platform");
                    if (p != null && p.isObject()) {
                        String platform = text(p, "os") + "/" + text(p, "architecture");
                        if (p.hasNonNull("variant")) platform += "/" + text(p, "variant");
                        d.put("platform", platform);
                    }
                    children.add(d);
                }
                out.put("manifests", children);
            }
            if (m.hasNonNull("subject")) out.put("subject", descriptor(m.get("subject")));
            img.put("manifest", out);
        } catch (java.io.IOException | RuntimeException ex) {
            img.put("manifest", Map.of("error", "manifest is not readable JSON"));
        }
    }

    private static Map<String, Object> descriptor(JsonNode d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mediaType", text(d, "mediaType"));
        out.put("digest", text(d, "digest"));
        out.put("size", d.path("size").asLong());
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Removes secret fields at any depth (the writer's maps are mutable; values it passes through may not be). */
    private static void scrub(Object node) {
        if (node instanceof Map<?, ?> m) {
            for (String secret : SECRETS) if (m.containsKey(secret)) m.remove(secret);
            for (Object v : m.values()) scrub(v);
        } else if (node instanceof List<?> l) {
            for (Object v : l) scrub(v);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
