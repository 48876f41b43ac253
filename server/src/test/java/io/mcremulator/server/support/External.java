package io.mcremulator.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * External parts of the build (the shared contract folder). When they are mandatory (system property
 * {@code mcr.requireExternal=true} or env {@code CI=true}) a missing part fails the test; otherwise the test is
 * skipped with a message that says why.
 */
public final class External {
    private External() {}

    public static boolean required() {
        return Boolean.getBoolean("mcr.requireExternal") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The shared folder ({@code mcr.shared.dir}, set by the parent pom), or null when absent. */
    public static Path sharedDirOrNull() {
        String dir = System.getProperty("mcr.shared.dir");
        if (dir == null || dir.isBlank()) return null;
        Path p = Path.of(dir);
        return Files.isDirectory(p.resolve("spec/openapi")) ? p : null;
    }

    /** The shared folder; skips the test (or fails it in CI) when it is missing. */
    public static Path sharedDir() {
        Path p = sharedDirOrNull();
        String why = "the shared contract folder (system property mcr.shared.dir = "
                + System.getProperty("mcr.shared.dir") + ") with spec/openapi/ is not there";
        if (p == null && required()) throw new AssertionError(why + ", and external parts are mandatory here (CI)");
        Assumptions.assumeTrue(p != null, why + "; skipping");
        return p;
    }
}
