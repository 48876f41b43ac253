package io.mcremulator.core.oci;

/** A manifest exactly as pushed, with its digest and media type. */
public record ManifestContent(String digest, String mediaType, byte[] bytes) {}
