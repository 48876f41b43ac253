package io.mcremulator.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.scan.ScanStatus;
import io.mcremulator.core.scan.Vulnerability;
import io.mcremulator.core.seed.SeedDocument;
import io.mcremulator.server.api.ScanViews;
import io.mcremulator.server.http.Json;
import io.mcremulator.server.http.Uuids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code scans} of an image in the seed format, as exports write them: the API's scan fields, the findings of
 * a completed scan ({@code vulnerabilities}) and {@code child_scans}.
 */
final class ScanSeedJson {
    private ScanSeedJson() {}

    private static final Set<String> FIELDS = Set.of(
            "id",
            "digest",
            "input_tag",
            "status",
            "os",
            "architecture",
            "created_at",
            "updated_at",
            "finished_at",
            "vulnerabilities",
            "child_scans");

    static List<SeedDocument.Scan> list(JsonNode parent, String path) {
        JsonNode a = parent.get("scans");
        if (a == null || a.isNull()) return List.of();
        return scans(a, path + ".scans");
    }

    private static List<SeedDocument.Scan> scans(JsonNode a, String path) {
        if (!a.isArray()) throw fail(path, "must be an array");
        List<SeedDocument.Scan> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) out.add(scan(a.get(i), path + "[" + i + "]"));
        return out;
    }

    private static SeedDocument.Scan scan(JsonNode n, String p) {
        if (!n.isObject()) throw fail(p, "must be an object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f))
                throw fail(
                        p + "." + f,
                        "is not a known field; known fields here: " + String.join(", ", new TreeSet<>(FIELDS)));
        }
        String id = str(n, p, "id");
        if (id != null && !Uuids.isUuid(id)) throw fail(p + ".id", "must be a UUID, got '" + id + "'");
        String status = str(n, p, "status");
        ScanStatus st = null;
        if (status != null) {
            try {
                st = ScanStatus.parse(status, p + ".status");
            } catch (EmulatorException e) {
                throw fail(
                        p + ".status", "must be pending, running, completed, failed or stopped, got '" + status + "'");
            }
        }
        List<Vulnerability> vs = new ArrayList<>();
        JsonNode v = n.get("vulnerabilities");
        if (v != null && !v.isNull()) {
            if (!v.isArray()) throw fail(p + ".vulnerabilities", "must be an array");
            for (int i = 0; i < v.size(); i++)
                vs.add(FindingsJson.vulnerability(v.get(i), p + ".vulnerabilities[" + i + "]", "invalid seed"));
        }
        JsonNode children = n.get("child_scans");
        return new SeedDocument.Scan(
                id == null ? null : UUID.fromString(id),
                str(n, p, "digest"),
                str(n, p, "input_tag"),
                st,
                str(n, p, "os"),
                str(n, p, "architecture"),
                time(n, p, "created_at"),
                time(n, p, "updated_at"),
                time(n, p, "finished_at"),
                vs,
                children == null || children.isNull() ? List.of() : scans(children, p + ".child_scans"));
    }

    static Map<String, Object> write(SeedDocument.Scan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("digest", s.digest());
        if (s.inputTag() != null) m.put("input_tag", s.inputTag());
        m.put("status", s.status().id());
        if (s.os() != null) m.put("os", s.os());
        if (s.architecture() != null) m.put("architecture", s.architecture());
        m.put("created_at", Json.time(s.createdAt()));
        m.put("updated_at", Json.time(s.updatedAt()));
        if (s.finishedAt() != null) m.put("finished_at", Json.time(s.finishedAt()));
        if (!s.findings().isEmpty())
            m.put(
                    "vulnerabilities",
                    s.findings().stream().map(ScanViews::vulnerability).toList());
        if (!s.children().isEmpty())
            m.put("child_scans", s.children().stream().map(ScanSeedJson::write).toList());
        return m;
    }

    private static String str(JsonNode n, String p, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw fail(p + "." + f, "must be a string");
        return v.asText();
    }

    private static Instant time(JsonNode n, String p, String f) {
        String s = str(n, p, f);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw fail(p + "." + f, "must be an RFC 3339 timestamp such as 2024-05-15T19:56:47Z, got '" + s + "'");
        }
    }

    private static EmulatorException fail(String path, String what) {
        return EmulatorException.badRequest("invalid seed: " + path + " " + what, path, null);
    }
}
