package io.mcremulator.junit;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The {@code name=value} options of {@link McrEmulatorTest#options()} and
 * {@link McrEmulatorExtension.Builder#option(String, String)}: engine switches, server switches and extension
 * switches. Each one parses its value and says what it expected when the value is bad.
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

    private static final Map<String, BiConsumer<Target, String>> ALL = new TreeMap<>();
    /** An extension switch read per test class (not a server setting: it never makes a server of its own). */
    static final String FAIL_ON_UNMATCHED = "failOnUnmatchedRequests";

    static {
        ALL.put("registryNameMaxLength", (t, v) -> t.engine.registryNameMaxLength(integer(v)));
        ALL.put("proxyCacheNameMaxLength", (t, v) -> t.engine.proxyCacheNameMaxLength(integer(v)));
        ALL.put(
                "nonEmptyRegistryDelete",
                (t, v) -> t.engine.nonEmptyRegistryDelete(enumValue(EmulatorConfig.NonEmptyRegistryDelete.class, v)));
        ALL.put("proxyCacheInUseDeleteConflict", (t, v) -> t.engine.proxyCacheInUseDeleteConflict(bool(v)));
        ALL.put("defaultPageLimit", (t, v) -> t.engine.defaultPageLimit(integer(v)));
        ALL.put("neverPulled", (t, v) -> t.engine.neverPulled(enumValue(EmulatorConfig.NeverPulled.class, v)));
        ALL.put("getRepositoryStatus", (t, v) -> t.server.getRepositoryStatus(integer(v)));
        ALL.put("maxBodyBytes", (t, v) -> t.server.maxBodyBytes(integer(v)));
        ALL.put("controlToken", (t, v) -> t.server.controlToken(v.isBlank() ? null : v));
        ALL.put("cleanupTenants", (t, v) -> t.cleanupTenants = bool(v));
        ALL.put("tenantType", (t, v) -> {
            if (v.isBlank() || v.contains("."))
                throw new IllegalArgumentException("expected a word without '.', got '" + v + "'");
            t.tenantType = v;
        });
        ALL.put(FAIL_ON_UNMATCHED, (t, v) -> bool(v));
        ALL.put("tenant", (t, v) -> t.fixedTenant = v.isBlank() ? null : v);
    }

    private Options() {}

    static String known() {
        return String.join(", ", ALL.keySet());
    }

    /** Applies one option; the message of a failure names the option and what it expected. */
    static void apply(Target target, String name, String value) {
        BiConsumer<Target, String> setter = ALL.get(name);
        if (setter == null)
            throw new IllegalArgumentException("unknown option '" + name + "'; known options: " + known());
        try {
            setter.accept(target, value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("option '" + name + "=" + value + "': " + e.getMessage(), e);
        }
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer, got '" + v + "'");
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException("expected true or false, got '" + v + "'");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder sb = new StringBuilder();
            for (E c : type.getEnumConstants())
                sb.append(sb.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException("expected one of " + sb + ", got '" + v + "'");
        }
    }
}
