package io.mcremulator.core;

import io.mcremulator.core.oci.Descriptor;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs from a manifest: its type, the config and layers (image manifests) or the child
 * manifests (indexes), the subject and artifact type (referrers), and annotations. The bytes stay untouched.
 */
record ParsedManifest(
        String mediaType,
        Descriptor config,
        List<Descriptor> layers,
        List<Descriptor> children,
        Descriptor subject,
        String artifactType,
        Map<String, String> annotations) {
    boolean isIndex() {
        return children != null;
    }
}
