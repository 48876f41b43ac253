package io.mcremulator.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.scan.Cvss;
import io.mcremulator.core.scan.FindingsRule;
import io.mcremulator.core.scan.Severity;
import io.mcremulator.core.scan.Vulnerability;
import io.mcremulator.server.api.ScanViews;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a findings rule, the same in seed files, exports and {@code PUT /_emulator/findings}:
 * {@code {"digest": ...}} or {@code {"registry", "repository", "tag"}}, and {@code "vulnerabilities"}: objects
 * with the fields of the API's {@code VulnerabilityResponse} (only {@code cve_id}, {@code severity},
 * {@code package_name} and {@code current_version} required). Errors name the field by its path.
 */
public final class FindingsJson {
    private FindingsJson() {}

    static final Set<String> RULE_FIELDS = Set.of("digest", "registry", "repository", "tag", "vulnerabilities");
    private static final Set<String> VULNERABILITY_FIELDS = Set.of(
            "cve_id",
            "severity",
            "package_name",
            "current_version",
            "fixed_version",
            "fixable",
            "target_path",
            "description",
            "links",
            "is_allowlisted",
            "cvss");

    /** Parses one rule; {@code what} starts each error message ("invalid seed", "invalid findings"). */
    static FindingsRule rule(JsonNode n, String path, String what) {
        if (n == null || !n.isObject()) throw fail(what, path.isEmpty() ? "body" : path, "must be an object");
        allowed(n, path, RULE_FIELDS, what);
        String digest = str(n, path, "digest", what);
        String registry = str(n, path, "registry", what);
        String repository = str(n, path, "repository", what);
        String tag = str(n, path, "tag", what);
        boolean byTag = registry != null || repository != null || tag != null;
        if ((digest != null) == byTag || (byTag && (registry == null || repository == null || tag == null)))
            throw fail(what, at(path, "digest"), "give either 'digest' or all of 'registry', 'repository' and 'tag'");
        if (digest != null && !digest.matches("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"))
            throw fail(
                    what, at(path, "digest"), "must be a digest such as sha256:<64 hex digits>, got '" + digest + "'");
        JsonNode vs = n.get("vulnerabilities");
        List<Vulnerability> out = new ArrayList<>();
        if (vs != null && !vs.isNull()) {
            if (!vs.isArray()) throw fail(what, at(path, "vulnerabilities"), "must be an array");
            for (int i = 0; i < vs.size(); i++)
                out.add(vulnerability(vs.get(i), at(path, "vulnerabilities") + "[" + i + "]", what));
        }
        return new FindingsRule(digest, registry, repository, tag, out);
    }

    static Vulnerability vulnerability(JsonNode n, String p, String what) {
        if (!n.isObject()) throw fail(what, p, "must be an object");
        allowed(n, p, VULNERABILITY_FIELDS, what);
        String severity = required(n, p, "severity", what);
        Severity sev;
        try {
            sev = Severity.parse(severity, at(p, "severity"));
        } catch (EmulatorException e) {
            throw fail(what, at(p, "severity"), "must be one of " + Severity.names() + ", got '" + severity + "'");
        }
        List<String> links = new ArrayList<>();
        JsonNode l = n.get("links");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) throw fail(what, at(p, "links"), "must be an array of strings");
            for (int i = 0; i < l.size(); i++) {
                if (!l.get(i).isTextual()) throw fail(what, at(p, "links") + "[" + i + "]", "must be a string");
                links.add(l.get(i).asText());
            }
        }
        return Vulnerability.of(
                required(n, p, "cve_id", what),
                sev,
                required(n, p, "package_name", what),
                required(n, p, "current_version", what),
                str(n, p, "fixed_version", what),
                bool(n, p, "fixable", what),
                str(n, p, "target_path", what),
                str(n, p, "description", what),
                links,
                bool(n, p, "is_allowlisted", what),
                cvss(n.get("cvss"), at(p, "cvss"), what));
    }

    private static Cvss cvss(JsonNode n, String p, String what) {
        if (n == null || n.isNull()) return Cvss.NONE;
        if (!n.isObject()) throw fail(what, p, "must be an object");
        allowed(n, p, Set.of("preferred", "max", "by_source"), what);
        Cvss.Score preferred = score(n.get("preferred"), at(p, "preferred"), what);
        Cvss.Max max = null;
        JsonNode m = n.get("max");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) throw fail(what, at(p, "max"), "must be an object");
            allowed(m, at(p, "max"), Set.of("source", "score", "vector"), what);
            max = new Cvss.Max(
                    str(m, at(p, "max"), "source", what),
                    num(m, at(p, "max"), what),
                    str(m, at(p, "max"), "vector", what));
        }
        Map<String, Cvss.Score> by = new LinkedHashMap<>();
        JsonNode b = n.get("by_source");
        if (b != null && !b.isNull()) {
            if (!b.isObject()) throw fail(what, at(p, "by_source"), "must be an object of source name to score");
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                by.put(e.getKey(), score(e.getValue(), at(p, "by_source") + "." + e.getKey(), what));
            }
        }
        return Cvss.of(preferred, max, by);
    }

    private static Cvss.Score score(JsonNode n, String p, String what) {
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw fail(what, p, "must be an object with 'score' and 'vector'");
        allowed(n, p, Set.of("score", "vector"), what);
        return new Cvss.Score(num(n, p, what), str(n, p, "vector", what));
    }

    private static Double num(JsonNode n, String p, String what) {
        JsonNode v = n.get("score");
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw fail(what, at(p, "score"), "must be a number");
        double d = v.asDouble();
        if (d < 0 || d > 10) throw fail(what, at(p, "score"), "must be a CVSS score from 0 to 10, got " + d);
        return d;
    }

    /** A rule as JSON: the selector, then the vulnerabilities as the API shows them. */
    /** The rule as the body of {@code PUT /_emulator/findings} (for the control client, {@code putFindings}). */
    public static String toJson(FindingsRule r) {
        return new String(io.mcremulator.server.http.Json.write(write(r)), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> write(FindingsRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.digest() != null) m.put("digest", r.digest());
        else {
            m.put("registry", r.registry());
            m.put("repository", r.repository());
            m.put("tag", r.tag());
        }
        m.put(
                "vulnerabilities",
                r.findings().stream().map(ScanViews::vulnerability).toList());
        return m;
    }

    private static String required(JsonNode n, String p, String f, String what) {
        String v = str(n, p, f, what);
        if (v == null || v.isBlank()) throw fail(what, at(p, f), "is required");
        return v;
    }

    private static String str(JsonNode n, String p, String f, String what) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw fail(what, at(p, f), "must be a string");
        return v.asText();
    }

    private static Boolean bool(JsonNode n, String p, String f, String what) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw fail(what, at(p, f), "must be true or false");
        return v.asBoolean();
    }

    private static void allowed(JsonNode n, String p, Set<String> fields, String what) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f))
                throw fail(
                        what,
                        at(p, f),
                        "is not a known field; known fields here: " + String.join(", ", new TreeSet<>(fields)));
        }
    }

    private static String at(String p, String f) {
        return p.isEmpty() ? f : p + "." + f;
    }

    private static EmulatorException fail(String what, String path, String message) {
        return EmulatorException.badRequest(what + ": " + path + " " + message, path, null);
    }
}
