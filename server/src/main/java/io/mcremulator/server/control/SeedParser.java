package io.mcremulator.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.Uuids;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads the JSON seed format (docs/seed-format.md) into a {@link SeedDocument}. Every type error names the field
 * by its path; unknown fields are refused too, since a typo in a seed file should never pass silently.
 */
public final class SeedParser {
    private SeedParser() {}

    public static SeedDocument parse(byte[] json) {
        JsonNode root;
        try {
            root = Json.read(json);
        } catch (IOException e) {
            throw EmulatorException.badRequest("invalid seed: not valid JSON: " + Json.describe(e), "body", null);
        }
        if (root == null || !root.isObject())
            throw EmulatorException.badRequest("invalid seed: the document (body) must be a JSON object", "body", null);
        allowed(
                root,
                "",
                Set.of(
                        "version",
                        "exported_at",
                        "tenant",
                        "content",
                        "users",
                        "api_keys",
                        "proxy_caches",
                        "registries",
                        "registry_users",
                        "findings"));
        JsonNode version = root.get("version");
        if (version != null
                && !version.isNull()
                && (!version.isIntegralNumber()
                        || version.asInt() < 1
                        || version.asInt() > SeedDocument.FORMAT_VERSION)) {
            throw fail(
                    "version",
                    "must be an integer from 1 to " + SeedDocument.FORMAT_VERSION
                            + " (this emulator reads format versions up to " + SeedDocument.FORMAT_VERSION + "), got "
                            + version);
        }
        time(root, "", "exported_at");
        str(root, "", "tenant");
        JsonNode content = root.get("content");
        return new SeedDocument(
                list(root, "users", "users", SeedParser::user),
                list(root, "proxy_caches", "proxy_caches", SeedParser::proxyCache),
                list(root, "registries", "registries", SeedParser::registry),
                list(root, "api_keys", "api_keys", SeedParser::apiKey),
                content(content),
                list(root, "registry_users", "registry_users", SeedParser::registryUser),
                list(root, "findings", "findings", (n, p) -> FindingsJson.rule(n, p, "invalid seed")));
    }

    /** The document's tenant scope ({@code "tenant"} of a one-tenant export), or null. */
    public static String tenantScope(byte[] json) {
        try {
            JsonNode t = Json.read(json).get("tenant");
            return t != null && t.isTextual() && !t.asText().isBlank() ? t.asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code content}: {@code {"included": false}} (images referenced by digest only) or {@code {"included": true,
     * "blobs": [{"region","digest","data_base64"}]}} with the bytes of every blob the images' {@code references} name.
     */
    private static List<SeedDocument.Blob> content(JsonNode c) {
        if (c == null || c.isNull()) return List.of();
        if (!c.isObject()) throw fail("content", "must be an object");
        allowed(c, "content", Set.of("included", "blobs"));
        JsonNode included = c.get("included");
        if (included != null && !included.isNull() && !included.isBoolean())
            throw fail("content.included", "must be true or false");
        return list(c, "content.blobs", "blobs", (n, p) -> {
            allowed(n, p, Set.of("region", "digest", "data_base64"));
            return new SeedDocument.Blob(str(n, p, "region"), str(n, p, "digest"), base64(n, p, "data_base64"));
        });
    }

    private static byte[] base64(JsonNode n, String p, String field) {
        String s = str(n, p, field);
        if (s == null) return null;
        try {
            return java.util.Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw fail(at(p, field), "must be base64");
        }
    }

    private static SeedDocument.ApiKey apiKey(JsonNode n, String p) {
        allowed(n, p, Set.of("key", "tenant", "user_id", "email"));
        return new SeedDocument.ApiKey(str(n, p, "key"), str(n, p, "tenant"), str(n, p, "user_id"), str(n, p, "email"));
    }

    private static SeedDocument.User user(JsonNode n, String p) {
        allowed(n, p, Set.of("region", "tenant", "id", "email", "password", "api_key"));
        return new SeedDocument.User(
                str(n, p, "region"),
                str(n, p, "tenant"),
                str(n, p, "id"),
                str(n, p, "email"),
                str(n, p, "password"),
                str(n, p, "api_key"));
    }

    private static SeedDocument.RegistryUser registryUser(JsonNode n, String p) {
        allowed(n, p, Set.of("region", "tenant", "id", "username", "created_at"));
        return new SeedDocument.RegistryUser(
                str(n, p, "region"),
                str(n, p, "tenant"),
                uuid(n, p, "id"),
                str(n, p, "username"),
                time(n, p, "created_at"));
    }

    private static SeedDocument.Member member(JsonNode n, String p) {
        allowed(n, p, Set.of("id", "user_id", "role", "created_at", "updated_at"));
        return new SeedDocument.Member(
                uuid(n, p, "id"),
                uuid(n, p, "user_id"),
                str(n, p, "role"),
                time(n, p, "created_at"),
                time(n, p, "updated_at"));
    }

    private static SeedDocument.ProxyCache proxyCache(JsonNode n, String p) {
        allowed(
                n,
                p,
                Set.of(
                        "region",
                        "tenant",
                        "id",
                        "name",
                        "provider",
                        "url",
                        "access_key",
                        "access_secret",
                        "description",
                        "created_at",
                        "updated_at"));
        return new SeedDocument.ProxyCache(
                str(n, p, "region"),
                str(n, p, "tenant"),
                uuid(n, p, "id"),
                str(n, p, "name"),
                str(n, p, "provider"),
                str(n, p, "url"),
                str(n, p, "access_key"),
                str(n, p, "access_secret"),
                str(n, p, "description"),
                time(n, p, "created_at"),
                time(n, p, "updated_at"));
    }

    private static SeedDocument.Registry registry(JsonNode n, String p) {
        allowed(
                n,
                p,
                Set.of(
                        "region",
                        "tenant",
                        "id",
                        "name",
                        "proxy_cache_id",
                        "created_at",
                        "updated_at",
                        "repositories",
                        "created_by",
                        "members"));
        return new SeedDocument.Registry(
                str(n, p, "region"),
                str(n, p, "tenant"),
                uuid(n, p, "id"),
                str(n, p, "name"),
                uuid(n, p, "proxy_cache_id"),
                time(n, p, "created_at"),
                time(n, p, "updated_at"),
                list(n, p + ".repositories", "repositories", SeedParser::repository),
                str(n, p, "created_by"),
                list(n, p + ".members", "members", SeedParser::member));
    }

    private static SeedDocument.Repository repository(JsonNode n, String p) {
        allowed(n, p, Set.of("id", "name", "created_at", "updated_at", "images"));
        return new SeedDocument.Repository(
                uuid(n, p, "id"),
                str(n, p, "name"),
                time(n, p, "created_at"),
                time(n, p, "updated_at"),
                list(n, p + ".images", "images", SeedParser::image));
    }

    @SuppressWarnings("unchecked")
    private static SeedDocument.Image image(JsonNode n, String p) {
        allowed(
                n,
                p,
                Set.of(
                        "digest",
                        "tags",
                        "size_bytes",
                        "manifest_media_type",
                        "media_type",
                        "pushed_at",
                        "pulled_at",
                        "extra_attr",
                        "manifest_base64",
                        "references",
                        "scans"));
        List<String> tags = list(n, p + ".tags", "tags", (t, tp) -> {
            if (!t.isTextual()) throw fail(tp, "must be a string");
            return t.asText();
        });
        Long size = null;
        JsonNode s = n.get("size_bytes");
        if (s != null && !s.isNull()) {
            if (!s.canConvertToLong() || !s.isIntegralNumber()) throw fail(p + ".size_bytes", "must be an integer");
            size = s.asLong();
        }
        Map<String, Object> extra = null;
        JsonNode e = n.get("extra_attr");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) throw fail(p + ".extra_attr", "must be an object");
            extra = Json.MAPPER.convertValue(e, LinkedHashMap.class);
        }
        Map<String, Long> refs = null;
        JsonNode r = n.get("references");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) throw fail(p + ".references", "must be an object of digest to size");
            refs = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> ref = it.next();
                if (!ref.getValue().isIntegralNumber())
                    throw fail(p + ".references." + ref.getKey(), "must be an integer size");
                refs.put(ref.getKey(), ref.getValue().asLong());
            }
        }
        return new SeedDocument.Image(
                str(n, p, "digest"),
                tags,
                size,
                str(n, p, "manifest_media_type"),
                str(n, p, "media_type"),
                time(n, p, "pushed_at"),
                time(n, p, "pulled_at"),
                extra,
                base64(n, p, "manifest_base64"),
                refs,
                ScanSeedJson.list(n, p));
    }

    // ---- typed field access with paths ----

    private static <T> List<T> list(JsonNode parent, String path, String field, BiFunction<JsonNode, String, T> item) {
        JsonNode a = parent.get(field);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw fail(path, "must be an array");
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode el = a.get(i);
            String ep = path + "[" + i + "]";
            if (!field.equals("tags") && !el.isObject()) throw fail(ep, "must be an object");
            out.add(item.apply(el, ep));
        }
        return out;
    }

    private static String str(JsonNode n, String p, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw fail(at(p, field), "must be a string");
        return v.asText();
    }

    private static UUID uuid(JsonNode n, String p, String field) {
        String s = str(n, p, field);
        if (s == null || s.isEmpty()) return null;
        if (!Uuids.isUuid(s)) throw fail(at(p, field), "must be a UUID, got '" + s + "'");
        return UUID.fromString(s);
    }

    private static Instant time(JsonNode n, String p, String field) {
        String s = str(n, p, field);
        if (s == null) return null;
        try {
            Instant t = java.time.OffsetDateTime.parse(s).toInstant();
            if (t.isBefore(io.mcremulator.core.time.ControllableClock.MIN)
                    || t.isAfter(io.mcremulator.core.time.ControllableClock.MAX)) {
                throw fail(at(p, field), "must be between year 0001 and year 9999, got '" + s + "'");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw fail(at(p, field), "must be an RFC 3339 timestamp such as 2024-05-15T19:56:47Z, got '" + s + "'");
        }
    }

    private static void allowed(JsonNode n, String p, Set<String> fields) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw fail(
                        p.isEmpty() ? f : p + "." + f,
                        "is not a known field; known fields here: "
                                + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
    }

    private static String at(String p, String field) {
        return p.isEmpty() ? field : p + "." + field;
    }

    private static EmulatorException fail(String path, String what) {
        return EmulatorException.badRequest("invalid seed: " + path + " " + what, path, null);
    }
}
