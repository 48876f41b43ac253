package io.mcremulator.core.scan;

import java.util.List;
import java.util.Objects;

/**
 * What a scan finds in some images: the findings for one digest, or for the image one tag of one repository of
 * one registry (by name) points at when the scan completes.
 */
public record FindingsRule(
        String digest, String registry, String repository, String tag, List<Vulnerability> findings) {
    public FindingsRule {
        findings = findings == null ? List.of() : List.copyOf(findings);
        if ((digest == null) == (registry == null || repository == null || tag == null))
            throw new IllegalArgumentException("give either a digest or registry, repository and tag");
    }

    public static FindingsRule forDigest(String digest, List<Vulnerability> findings) {
        return new FindingsRule(Objects.requireNonNull(digest), null, null, null, findings);
    }

    public static FindingsRule forTag(String registry, String repository, String tag, List<Vulnerability> findings) {
        return new FindingsRule(null, registry, repository, tag, findings);
    }

    /** The key a rule replaces an earlier one by: its digest, or {@code registry/repository:tag}. */
    public String key() {
        return digest != null ? digest : registry + "/" + repository + ":" + tag;
    }
}
