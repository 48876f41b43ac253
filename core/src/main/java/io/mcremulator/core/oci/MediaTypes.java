package io.mcremulator.core.oci;

import java.util.Set;

/** The manifest media types the registry stores, and the layer types it never requires to be present. */
public final class MediaTypes {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final Set<String> MANIFESTS = Set.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

    private MediaTypes() {}

    public static boolean isIndex(String mediaType) {
        return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
    }

    /** Foreign / non-distributable layers live elsewhere: a manifest may reference them without pushing them. */
    public static boolean isNonDistributable(String mediaType) {
        return mediaType != null
                && (mediaType.startsWith("application/vnd.oci.image.layer.nondistributable.")
                        || mediaType.equals("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"));
    }

    /** The type without parameters ({@code ; charset=...}), lowercased; null stays null. */
    public static String bare(String contentType) {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
