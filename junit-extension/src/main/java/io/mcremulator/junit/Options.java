package io.mcremulator.junit;

import io.mcremulator.client.CloseMatches;
import io.mcremulator.client.Setting;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.SettingsApplier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code name=value} options of {@link McrEmulatorTest#options()} and
 * {@link McrEmulatorExtension.Builder#option(String, String)}: the settings of the catalogue ({@link Setting}) that
 * apply to JUnit. Server and engine settings go through the server's {@link SettingsApplier}; the extension's own
 * switches (tenants, unmatched requests) are read here.
 */
final class Options {
    /** What the options build: the engine config, the server builder, and the extension's own switches. */
    static final class Target {
        final EmulatorConfig.Builder engine = EmulatorConfig.builder();
        final McrEmulatorServer.Builder server = McrEmulatorServer.builder();
        boolean cleanupTenants = true;
        String tenantType = "default";
        String fixedTenant;
    }

    /** An extension switch read per test class (not a server setting: it never makes a server of its own). */
    static final String FAIL_ON_UNMATCHED = Setting.FAIL_ON_UNMATCHED_REQUESTS.optionName();
    /** An extension switch: a failing test's message ends with the console link of its tenant (default true). */
    static final String CONSOLE_LINK = Setting.CONSOLE_LINK_ON_FAILURE.optionName();

    private Options() {}

    static List<String> names() {
        return Setting.all(Setting.Where.JUNIT).stream()
                .map(Setting::optionName)
                .sorted()
                .toList();
    }

    static String known() {
        return String.join(", ", names());
    }

    /**
     * Applies all options to fresh builders; a failure names the option, what it expected, and {@code origin}.
     * An unknown name fails naming the close matches and the known options.
     */
    static Target target(Map<String, String> options, String origin) {
        Target t = new Target();
        Map<Setting, String> serverValues = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String name = e.getKey();
            Setting s = Setting.byOption(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown option '" + name + "'"
                            + CloseMatches.hint(name, names()) + "; known options: " + known() + " (from " + origin
                            + ")"));
            String v;
            try {
                v = s.check(e.getValue());
                switch (s) {
                    case CLEANUP_TENANTS -> t.cleanupTenants = Boolean.parseBoolean(v);
                    case TENANT_TYPE -> {
                        if (v.isBlank() || v.contains("."))
                            throw new IllegalArgumentException("expected a word without '.', got '" + v + "'");
                        t.tenantType = v;
                    }
                    case TENANT -> t.fixedTenant = v.isBlank() ? null : v;
                    case FAIL_ON_UNMATCHED_REQUESTS, CONSOLE_LINK_ON_FAILURE -> {}
                    default -> serverValues.put(s, v);
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "option '" + name + "=" + e.getValue() + "': " + ex.getMessage() + " (from " + origin + ")",
                        ex);
            }
        }
        SettingsApplier.apply(
                serverValues, t.server, t.engine, s -> "option '" + s.optionName() + "' (from " + origin + ")");
        return t;
    }
}
