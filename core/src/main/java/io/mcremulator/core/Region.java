package io.mcremulator.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The regions the public gateway routes: {@code /{region}/container-registry/...}. {@code br-mgl1} appears in
 * URLs as {@code br-se-1}. Each region is its own, separate state; bare {@code /v0} and {@code /v1} paths are
 * {@link #BR_SE1}.
 */
public enum Region {
    BR_SE1("br-se1", "br-se1"),
    BR_NE1("br-ne1", "br-ne1"),
    BR_MGL1("br-mgl1", "br-se-1");

    private final String id;
    private final String urlSegment;

    Region(String id, String urlSegment) {
        this.id = id;
        this.urlSegment = urlSegment;
    }

    /** The region's name as the CLI and Terraform spell it ({@code br-mgl1}). */
    public String id() {
        return id;
    }

    /** The path segment of the public URL ({@code br-se-1} for br-mgl1). */
    public String urlSegment() {
        return urlSegment;
    }

    public static final Region DEFAULT = BR_SE1;

    /**
     * The region of a URL path segment, as the public gateway spells it: {@code br-se-1}, not {@code br-mgl1}
     * (a request to {@code /br-mgl1/container-registry} would not reach MCR).
     */
    public static Optional<Region> fromUrlSegment(String s) {
        return Arrays.stream(values()).filter(r -> r.urlSegment.equals(s)).findFirst();
    }

    /** Accepts either spelling: the region id or its URL segment (seed documents, configuration). */
    public static Optional<Region> parse(String s) {
        if (s == null) return Optional.empty();
        return Arrays.stream(values())
                .filter(r -> r.id.equals(s) || r.urlSegment.equals(s))
                .findFirst();
    }
}
