package io.mcremulator.testcontainers;

import org.junit.jupiter.api.Assumptions;

/**
 * External parts (a Docker engine, the docker CLI) are mandatory in CI ({@code CI=true} or
 * {@code -Dmcr.requireExternal=true}): there a missing part fails the test. Elsewhere the test is skipped, saying why.
 */
final class External {
    private External() {}

    static boolean required() {
        return Boolean.getBoolean("mcr.requireExternal") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void require(boolean present, String why) {
        if (present) return;
        if (required())
            throw new AssertionError(
                    why + " (external parts are mandatory here: CI=true or -Dmcr.requireExternal=true)");
        Assumptions.assumeTrue(false, why + "; skipped (set -Dmcr.requireExternal=true to make this a failure)");
    }
}
