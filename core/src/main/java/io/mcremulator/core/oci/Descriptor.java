package io.mcremulator.core.oci;

import java.util.Map;

/** An OCI content descriptor; {@code artifactType} and {@code annotations} are used by referrers lists. */
public record Descriptor(
        String mediaType, String digest, long size, String artifactType, Map<String, String> annotations) {
    public Descriptor {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
