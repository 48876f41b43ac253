package io.mcremulator.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image (one manifest) as the API shows it. {@code tags} are sorted by name; {@code extraAttr} holds plain
 * values (strings, numbers, booleans, lists and maps of them).
 */
public record ImageInfo(
        String digest,
        long sizeBytes,
        Instant pushedAt,
        Instant pulledAt,
        List<String> tags,
        String manifestMediaType,
        String mediaType,
        List<TagInfo> tagsDetails,
        Map<String, Object> extraAttr) {}
