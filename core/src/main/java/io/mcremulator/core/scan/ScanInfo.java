package io.mcremulator.core.scan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scan as the API shows it. {@code summary} is set once the scan completed; {@code children} holds one scan per
 * platform manifest when the image is an index (empty otherwise, and always for a child).
 */
public record ScanInfo(
        UUID id,
        UUID registryId,
        UUID repositoryId,
        String digest,
        String inputTag,
        ScanStatus status,
        String os,
        String architecture,
        SeveritySummary summary,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        List<ScanInfo> children) {
    public ScanInfo {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
