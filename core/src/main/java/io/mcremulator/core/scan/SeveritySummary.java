package io.mcremulator.core.scan;

import java.util.Collection;

/**
 * Counts of a completed scan's findings ({@code SeverityResponse}): {@code total} counts every finding, unknown
 * severity included (the schema has no {@code unknown} count).
 */
public record SeveritySummary(int total, int low, int medium, int high, int critical, int fixable) {
    public static final SeveritySummary EMPTY = new SeveritySummary(0, 0, 0, 0, 0, 0);

    public static SeveritySummary of(Collection<Vulnerability> findings) {
        int low = 0, medium = 0, high = 0, critical = 0, fixable = 0;
        for (Vulnerability v : findings) {
            switch (v.severity()) {
                case LOW -> low++;
                case MEDIUM -> medium++;
                case HIGH -> high++;
                case CRITICAL -> critical++;
                default -> {}
            }
            if (v.fixable()) fixable++;
        }
        return new SeveritySummary(findings.size(), low, medium, high, critical, fixable);
    }

    public SeveritySummary plus(SeveritySummary o) {
        return new SeveritySummary(
                total + o.total,
                low + o.low,
                medium + o.medium,
                high + o.high,
                critical + o.critical,
                fixable + o.fixable);
    }
}
