package io.mcremulator.core.oci;

import java.util.List;

/** Result of a manifest PUT: its digest, its subject (null if none) and the tags that now point at it. */
public record ManifestPushed(String digest, String subject, List<String> tags) {}
