package io.mcremulator.core.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings tests set, shared by every region: rules by digest and by repository tag. Scans read it when they
 * complete and keep a copy, so changing a rule never changes a finished scan. Thread-safe.
 */
public final class FindingsBook {
    private final Map<String, FindingsRule> rules = new LinkedHashMap<>();

    /** Adds a rule, replacing the one with the same key. */
    public synchronized void put(FindingsRule rule) {
        rules.remove(rule.key());
        rules.put(rule.key(), rule);
    }

    /** Removes the rule with this key (a digest or {@code registry/repository:tag}); true when there was one. */
    public synchronized boolean remove(String key) {
        return rules.remove(key) != null;
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** Every rule, in the order they were set. */
    public synchronized List<FindingsRule> all() {
        return List.copyOf(rules.values());
    }

    public synchronized void replaceAll(List<FindingsRule> all) {
        rules.clear();
        for (FindingsRule r : all) rules.put(r.key(), r);
    }

    public synchronized FindingsRule forDigest(String digest) {
        return rules.get(digest);
    }

    public synchronized FindingsRule forTag(String registry, String repository, String tag) {
        return rules.get(registry + "/" + repository + ":" + tag);
    }

    /**
     * The findings of one scanned manifest: a rule for its own digest; else, for a platform manifest of an index, a
     * rule for the index digest; else a rule for one of {@code tags} (the tag the scan was scheduled by first);
     * else, with {@code synthetic}, a set derived from the digest; else none (a clean image).
     */
    public List<Vulnerability> lookup(
            String digest,
            String indexDigest,
            String registry,
            String repository,
            List<String> tags,
            boolean synthetic) {
        FindingsRule r = forDigest(digest);
        if (r == null && indexDigest != null) r = forDigest(indexDigest);
        if (r == null) {
            for (String t : tags) {
                r = forTag(registry, repository, t);
                if (r != null) break;
            }
        }
        if (r != null) return r.findings();
        return synthetic ? SyntheticFindings.of(digest) : List.of();
    }

    /** A copy, for snapshots. */
    public synchronized List<FindingsRule> copy() {
        return new ArrayList<>(rules.values());
    }
}
