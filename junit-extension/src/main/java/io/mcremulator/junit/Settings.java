package io.mcremulator.junit;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import io.mcremulator.server.auth.AuthMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The extension's settings, from {@link McrEmulatorTest} or {@link McrEmulatorExtension.Builder}, checked once:
 * a bad region or option fails with a message naming it and {@link #origin()}.
 *
 * @param origin         where the settings came from, for messages ({@code @McrEmulatorTest on com.acme.FooTest})
 * @param engineCustomizer programmatic engine settings (clock, ids); a server with one is never shared
 */
record Settings(
        AuthMode auth,
        List<SeedSource> seeds,
        Region region,
        Isolation isolation,
        ServerScope scope,
        Map<String, String> options,
        Consumer<EmulatorConfig.Builder> engineCustomizer,
        String origin) {

    Settings {
        seeds = List.copyOf(seeds);
        options = new TreeMap<>(options);
        Options.Target probe = target(options, engineCustomizer, origin);
        if (probe.fixedTenant != null && isolation == Isolation.TENANT) {
            throw new IllegalArgumentException(
                    "option 'tenant' needs isolation RESET: with TENANT isolation every test "
                            + "gets its own tenant (from " + origin + ")");
        }
    }

    /** Option {@code failOnUnmatchedRequests} (annotation attribute, builder method or option). */
    boolean failOnUnmatchedRequests() {
        return Boolean.parseBoolean(
                options.getOrDefault(Options.FAIL_ON_UNMATCHED, "false").trim());
    }

    /**
     * Option {@code consoleLinkOnFailure}; without it the system property {@code mcr.consoleLinkOnFailure}; without
     * that, true.
     */
    boolean consoleLinkOnFailure() {
        String v = options.get(Options.CONSOLE_LINK);
        if (v == null) v = System.getProperty("mcr.consoleLinkOnFailure", "true");
        return !v.trim().equalsIgnoreCase("false");
    }

    static Region parseRegion(String region, String origin) {
        return Region.parse(region)
                .orElseThrow(() -> new IllegalArgumentException("unknown region '" + region + "' (from " + origin
                        + "); expected br-se1, br-ne1, br-mgl1 or br-se-1"));
    }

    /** The options applied to fresh builders; fails naming the bad option and the origin. */
    Options.Target target() {
        return target(options, engineCustomizer, origin);
    }

    private static Options.Target target(
            Map<String, String> options, Consumer<EmulatorConfig.Builder> engineCustomizer, String origin) {
        Options.Target t = Options.target(options, origin);
        if (engineCustomizer != null) engineCustomizer.accept(t.engine);
        return t;
    }

    /**
     * Settings that may share one server produce the same key. The region is not part of it (it only picks URLs);
     * the isolation is, since RESET servers are reset under the feet of whoever else uses them.
     */
    String serverKey() {
        Map<String, String> serverOptions = new TreeMap<>(options);
        serverOptions.remove(Options.FAIL_ON_UNMATCHED);
        serverOptions.remove(Options.CONSOLE_LINK);
        String key = "mcr-emulator[auth=" + auth + ", isolation=" + isolation + ", seeds="
                + seeds.stream().map(SeedSource::location).toList() + ", options=" + serverOptions + "]";
        return engineCustomizer == null ? key : key + "@" + System.identityHashCode(engineCustomizer);
    }
}
