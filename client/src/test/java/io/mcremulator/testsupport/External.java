package io.mcremulator.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for the parts of the build that are not Java: a Docker engine, the docker and skopeo CLIs, the shared
 * contract folder ({@code ../shared}). In CI ({@code CI=true}, or {@code -Dmcr.requireExternal=true}) they are
 * mandatory and a missing one fails the test; on a developer's machine the test is skipped, saying what is missing
 * and how to make it a failure. Shared by the server's and the Testcontainers module's tests (the client module's
 * test-jar).
 */
public final class External {
    private External() {}

    /** Whether missing external parts fail tests (CI) instead of skipping them. */
    public static boolean required() {
        return Boolean.getBoolean("mcr.requireExternal") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails (CI) or skips (elsewhere) the test when {@code present} is false; {@code why} says what is missing. */
    public static void require(boolean present, String why) {
        if (present) return;
        if (required()) {
            throw new AssertionError(why + "; it is mandatory here (CI=true or -Dmcr.requireExternal=true): run"
                    + " .ci/prepare-machine.sh");
        }
        Assumptions.assumeTrue(false, why + "; skipped (set -Dmcr.requireExternal=true to make this a failure)");
    }

    /** Requires {@code command} to run and exit 0 within a minute (e.g. {@code docker info}). */
    public static void requireCommand(String what, List<String> command) {
        String problem = null;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                problem = "did not finish within 60 s";
            } else if (p.exitValue() != 0) {
                problem = "exit " + p.exitValue() + ": " + new String(out, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        require(problem == null, what + " is not available (" + String.join(" ", command) + " -> " + problem + ")");
    }

    /** The shared folder ({@code mcr.shared.dir}, set by the parent pom) when it has {@code spec/openapi}, or null. */
    public static Path sharedDirOrNull() {
        String dir = System.getProperty("mcr.shared.dir");
        if (dir == null || dir.isBlank()) return null;
        Path p = Path.of(dir);
        return Files.isDirectory(p.resolve("spec/openapi")) ? p : null;
    }

    /** Why {@link #sharedDirOrNull()} is null, for messages. */
    public static String sharedDirMissing() {
        return "the shared contract folder (mcr.shared.dir = " + System.getProperty("mcr.shared.dir")
                + ") with spec/openapi/ is not there";
    }

    /** The shared folder; skips the test (fails it in CI) when it is missing. */
    public static Path sharedDir() {
        Path p = sharedDirOrNull();
        require(p != null, sharedDirMissing());
        return p;
    }
}
