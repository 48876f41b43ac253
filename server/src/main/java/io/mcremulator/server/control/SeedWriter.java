package io.mcremulator.server.control;

import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@link SeedDocument} in the JSON seed format that {@link SeedParser} reads, with the export header:
 * {@code version}, {@code exported_at}, {@code tenant} (one-tenant exports) and the reserved {@code content} field.
 */
public final class SeedWriter {
    private SeedWriter() {}

    public static Map<String, Object> write(SeedDocument doc, Instant exportedAt, String tenant, boolean content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", SeedDocument.FORMAT_VERSION);
        m.put("exported_at", Json.time(exportedAt));
        if (tenant != null) m.put("tenant", tenant);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("included", content);
        if (content) {
            c.put(
                    "blobs",
                    each(
                            doc.blobs(),
                            b -> obj(
                                    "region",
                                    b.region(),
                                    "digest",
                                    b.digest(),
                                    "data_base64",
                                    java.util.Base64.getEncoder().encodeToString(b.data()))));
        }
        m.put("content", c);
        m.put(
                "users",
                each(
                        doc.users(),
                        u -> obj(
                                "region",
                                u.region(),
                                "tenant",
                                u.tenant(),
                                "id",
                                u.id(),
                                "email",
                                u.email(),
                                "password",
                                u.password(),
                                "api_key",
                                u.apiKey())));
        if (!doc.findings().isEmpty())
            m.put("findings", doc.findings().stream().map(FindingsJson::write).toList());
        m.put(
                "registry_users",
                each(
                        doc.registryUsers(),
                        u -> obj(
                                "region",
                                u.region(),
                                "tenant",
                                u.tenant(),
                                "id",
                                u.id(),
                                "username",
                                u.username(),
                                "created_at",
                                u.createdAt())));
        m.put(
                "api_keys",
                each(
                        doc.apiKeys(),
                        k -> obj("key", k.key(), "tenant", k.tenant(), "user_id", k.userId(), "email", k.email())));
        m.put(
                "proxy_caches",
                each(
                        doc.proxyCaches(),
                        pc -> obj(
                                "region",
                                pc.region(),
                                "tenant",
                                pc.tenant(),
                                "id",
                                pc.id(),
                                "name",
                                pc.name(),
                                "provider",
                                pc.provider(),
                                "url",
                                pc.url(),
                                "access_key",
                                pc.accessKey(),
                                "access_secret",
                                pc.accessSecret(),
                                "description",
                                pc.description(),
                                "created_at",
                                pc.createdAt(),
                                "updated_at",
                                pc.updatedAt())));
        m.put("registries", each(doc.registries(), r -> {
            Map<String, Object> o = obj(
                    "region",
                    r.region(),
                    "tenant",
                    r.tenant(),
                    "id",
                    r.id(),
                    "name",
                    r.name(),
                    "proxy_cache_id",
                    r.proxyCacheId(),
                    "created_at",
                    r.createdAt(),
                    "updated_at",
                    r.updatedAt(),
                    "created_by",
                    r.createdBy());
            if (!r.members().isEmpty()) {
                o.put(
                        "members",
                        each(
                                r.members(),
                                x -> obj(
                                        "id",
                                        x.id(),
                                        "user_id",
                                        x.userId(),
                                        "role",
                                        x.role(),
                                        "created_at",
                                        x.createdAt(),
                                        "updated_at",
                                        x.updatedAt())));
            }
            o.put("repositories", each(r.repositories(), repo -> {
                Map<String, Object> ro = obj(
                        "id",
                        repo.id(),
                        "name",
                        repo.name(),
                        "created_at",
                        repo.createdAt(),
                        "updated_at",
                        repo.updatedAt());
                ro.put("images", each(repo.images(), img -> {
                    Map<String, Object> io = obj(
                            "digest",
                            img.digest(),
                            "size_bytes",
                            img.sizeBytes(),
                            "manifest_media_type",
                            img.manifestMediaType(),
                            "media_type",
                            img.mediaType(),
                            "pushed_at",
                            img.pushedAt(),
                            "pulled_at",
                            img.pulledAt(),
                            "extra_attr",
                            img.extraAttr(),
                            "manifest_base64",
                            img.manifest() == null
                                    ? null
                                    : java.util.Base64.getEncoder().encodeToString(img.manifest()),
                            "references",
                            img.references());
                    io.put("tags", img.tags());
                    if (!img.scans().isEmpty())
                        io.put(
                                "scans",
                                img.scans().stream().map(ScanSeedJson::write).toList());
                    return io;
                }));
                return ro;
            }));
            return o;
        }));
        return m;
    }

    private static <T> List<Object> each(List<T> items, Function<T, Object> f) {
        List<Object> out = new ArrayList<>(items.size());
        for (T t : items) out.add(f.apply(t));
        return out;
    }

    /** An object of the given key/value pairs, nulls left out, instants and UUIDs as strings. */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v == null) continue;
            m.put(
                    (String) kv[i],
                    v instanceof Instant t ? Json.time(t) : v instanceof java.util.UUID u ? u.toString() : v);
        }
        return m;
    }
}
