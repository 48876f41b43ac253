package io.mcremulator.server.oci;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * External parts (docker, skopeo) the real-client tests need. When they are mandatory (system property
 * {@code mcr.requireExternal=true} or env {@code CI=true}) a missing part fails the test; otherwise it is skipped
 * with a message that says why.
 */
final class External {
    private External() {}

    static boolean mandatory() {
        return Boolean.getBoolean("mcr.requireExternal") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires {@code command} to run and exit 0 (e.g. {@code docker info}). */
    static void require(String what, List<String> command) {
        Cli.Result r;
        try {
            r = Cli.run(command, null, null, 60);
        } catch (RuntimeException e) {
            r = new Cli.Result(-1, e.toString());
        }
        if (r.exit() == 0) return;
        String message = what + " is not available (" + String.join(" ", command) + " -> " + r.exit() + ": "
                + r.output().strip() + ")";
        if (mandatory())
            throw new AssertionError(
                    message + "; it is mandatory here (CI or -Dmcr.requireExternal=true): run .ci/prepare-machine.sh");
        Assumptions.assumeTrue(false, message + "; skipping (set CI=true to make this a failure)");
    }
}
