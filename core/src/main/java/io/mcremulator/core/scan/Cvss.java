package io.mcremulator.core.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CVSS v3 information of a finding, as {@code VulnerabilityCvssResponse} shows it: the preferred score, the
 * highest one with its source, and the scores by source. {@link #of} fills {@code max} from {@code bySource} when
 * it is not given.
 */
public record Cvss(Score preferred, Max max, Map<String, Score> bySource) {
    /** One source's score and vector; either may be null. */
    public record Score(Double score, String vector) {}

    /** The highest score, with the source that gave it. */
    public record Max(String source, Double score, String vector) {}

    public static final Cvss NONE = new Cvss(null, null, Map.of());

    public Cvss {
        bySource = bySource == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    /** As given, with {@code max} derived from the highest score of {@code bySource} when absent. */
    public static Cvss of(Score preferred, Max max, Map<String, Score> bySource) {
        Max m = max;
        if (m == null && bySource != null) {
            for (Map.Entry<String, Score> e : bySource.entrySet()) {
                Double s = e.getValue().score();
                if (s != null && (m == null || m.score() == null || s > m.score()))
                    m = new Max(e.getKey(), s, e.getValue().vector());
            }
        }
        return new Cvss(preferred, m, bySource);
    }
}
