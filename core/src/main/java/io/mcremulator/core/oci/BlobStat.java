package io.mcremulator.core.oci;

/** A stored blob as a repository sees it. */
public record BlobStat(String digest, long size) {}
