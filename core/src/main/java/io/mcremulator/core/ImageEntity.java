package io.mcremulator.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Mutable image (manifest) state, guarded by the region lock. */
final class ImageEntity {
    final String digest;
    /** The manifest exactly as pushed; null only for images seeded without content. */
    byte[] manifest;

    String manifestMediaType;
    /** Media type of the config blob (the API's {@code media_type}). */
    String mediaType;

    long sizeBytes;
    Instant pushedAt;
    Instant pulledAt; // null: never pulled
    Map<String, Object> extraAttr = new LinkedHashMap<>();
    /** Digest to size of every blob and child manifest this manifest references: what it keeps stored. */
    Map<String, Long> references = new LinkedHashMap<>();
    /** OCI 1.1 referrers support: the subject digest and the artifact type, when present. */
    String subject;

    String artifactType;
    Map<String, String> annotations = new LinkedHashMap<>();
    final Map<String, TagEntity> tags = new TreeMap<>();
    /** Scans of this image by id, oldest first; they go when the image goes. */
    final Map<java.util.UUID, ScanEntity> scans = new LinkedHashMap<>();

    ImageEntity(String digest) {
        this.digest = digest;
    }

    /**
     * The fields an image takes from its manifest, whether pushed, seeded with content or generated for a seed: the
     * bytes, their type, what they reference, the subject and annotations (referrers), the config type (the API's
     * {@code media_type}) and the artifact type (the config type unless the manifest names one; an index's own).
     */
    void describe(byte[] manifestBytes, ParsedManifest m, Map<String, Long> referenced) {
        manifest = manifestBytes.clone();
        manifestMediaType = m.mediaType();
        references = referenced;
        subject = m.subject() == null ? null : m.subject().digest();
        annotations = new LinkedHashMap<>(m.annotations());
        if (m.isIndex()) {
            mediaType = m.mediaType();
            artifactType = m.artifactType();
        } else {
            mediaType = m.config().mediaType();
            artifactType =
                    m.artifactType() != null ? m.artifactType() : m.config().mediaType();
        }
    }

    /** Everything this image keeps stored, keyed by digest: its references plus its own manifest. */
    Map<String, Long> storedContent() {
        Map<String, Long> m = new LinkedHashMap<>(references);
        m.put(digest, manifest == null ? 0L : (long) manifest.length);
        return m;
    }
}
