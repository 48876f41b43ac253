package io.mcremulator.core;

import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.Descriptor;
import io.mcremulator.core.oci.JsonText;
import io.mcremulator.core.oci.MediaTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a copy of a pushed manifest for validation and metadata; {@code MANIFEST_INVALID} says what is wrong. */
final class ManifestParser {
    private ManifestParser() {}

    static ParsedManifest parse(byte[] bytes, String contentType) {
        Object root;
        try {
            root = JsonText.parse(bytes);
        } catch (JsonText.MalformedJson e) {
            throw invalid("manifest is not valid JSON: " + e.getMessage(), Map.of("Offset", e.offset()));
        }
        if (!(root instanceof Map<?, ?> m)) throw invalid("manifest must be a JSON object", Map.of());
        Object schema = m.get("schemaVersion");
        if (!(schema instanceof Long v) || v != 2L) {
            throw invalid(
                    "unsupported schemaVersion " + schema + ": only schema 2 manifests (Docker v2, OCI) are accepted",
                    Map.of());
        }
        String declared = m.get("mediaType") instanceof String s ? s : null;
        String header = MediaTypes.bare(contentType);
        String mediaType;
        if (header != null && MediaTypes.MANIFESTS.contains(header)) {
            if (declared != null && !declared.equals(header)) {
                throw invalid(
                        "Content-Type " + header + " does not match the manifest's mediaType " + declared, Map.of());
            }
            mediaType = header;
        } else if (declared != null && MediaTypes.MANIFESTS.contains(declared)) {
            mediaType = declared;
        } else if (declared == null && m.containsKey("manifests")) {
            mediaType = MediaTypes.OCI_INDEX;
        } else if (declared == null && m.containsKey("config")) {
            mediaType = MediaTypes.OCI_MANIFEST;
        } else {
            throw invalid(
                    "unsupported manifest media type " + (declared != null ? declared : header) + "; accepted: "
                            + String.join(
                                    ", ", MediaTypes.MANIFESTS.stream().sorted().toList()),
                    Map.of());
        }
        Descriptor subject = m.containsKey("subject") ? descriptor(m.get("subject"), "subject") : null;
        String artifactType = m.get("artifactType") instanceof String s ? s : null;
        Map<String, String> annotations = annotations(m.get("annotations"));
        if (MediaTypes.isIndex(mediaType)) {
            return new ParsedManifest(
                    mediaType,
                    null,
                    null,
                    descriptors(m.get("manifests"), "manifests"),
                    subject,
                    artifactType,
                    annotations);
        }
        Descriptor config = descriptor(m.get("config"), "config");
        List<Descriptor> layers = m.containsKey("layers") ? descriptors(m.get("layers"), "layers") : List.of();
        return new ParsedManifest(mediaType, config, layers, null, subject, artifactType, annotations);
    }

    private static List<Descriptor> descriptors(Object v, String field) {
        if (!(v instanceof List<?> l)) throw invalid("manifest field '" + field + "' must be an array", Map.of());
        List<Descriptor> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) out.add(descriptor(l.get(i), field + "[" + i + "]"));
        return out;
    }

    private static Descriptor descriptor(Object v, String field) {
        if (!(v instanceof Map<?, ?> d))
            throw invalid("manifest field '" + field + "' must be a descriptor object", Map.of());
        String digest = d.get("digest") instanceof String s ? s : null;
        if (!Digests.isValid(digest))
            throw invalid("manifest field '" + field + ".digest' is not a valid digest: " + digest, Map.of());
        if (!(d.get("size") instanceof Long size) || size < 0) {
            throw invalid("manifest field '" + field + ".size' must be a non-negative integer", Map.of());
        }
        String mediaType = d.get("mediaType") instanceof String s ? s : null;
        String artifactType = d.get("artifactType") instanceof String s ? s : null;
        return new Descriptor(mediaType, digest, size, artifactType, annotations(d.get("annotations")));
    }

    private static Map<String, String> annotations(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> a)
            a.forEach((k, val) -> {
                if (val instanceof String s) out.put(String.valueOf(k), s);
            });
        return out;
    }

    /** os, architecture, created (and variant, author when present) from an image config blob; empty if unreadable. */
    static Map<String, Object> configAttributes(byte[] config) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object root;
        try {
            root = JsonText.parse(config);
        } catch (JsonText.MalformedJson e) {
            return out;
        }
        if (!(root instanceof Map<?, ?> m)) return out;
        for (String k : List.of("architecture", "os", "variant", "created", "author")) {
            if (m.get(k) instanceof String s && !s.isEmpty()) out.put(k, s);
        }
        return out;
    }

    private static EmulatorException invalid(String message, Map<String, ?> detail) {
        return new EmulatorException(ErrorCode.MANIFEST_INVALID, message, detail);
    }
}
