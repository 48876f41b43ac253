package io.mcremulator.server.http;

/**
 * System properties that spare Jetty work at start-up, set before any Jetty class is loaded and only when the user
 * has not set them.
 *
 * <p>Jetty 12.1's {@code MemoryUtils} static initialiser asks the platform MBean server whether compressed oops are
 * on, unless {@code org.eclipse.jetty.util.referencesPerCacheLine} is set: that one call loads ~550 JMX classes
 * (~90 ms on 2 cores) before the first answer. The value only sizes padding in Jetty's concurrent pools, so it is
 * derived here without JMX: compressed oops (4-byte references) are on by default for heaps under 32 GiB.
 */
public final class JettyStartup {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    private static final long COMPRESSED_OOPS_HEAP_LIMIT = 32L * 1024 * 1024 * 1024;

    private JettyStartup() {}

    /** Sets the properties the user left unset; idempotent. */
    public static void applyDefaults() {
        try {
            if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) return;
            System.setProperty(REFERENCES_PER_CACHE_LINE, Integer.toString(referencesPerCacheLine()));
        } catch (SecurityException e) {
            // a security manager forbids it: Jetty then asks JMX itself, as before
        }
    }

    static int referencesPerCacheLine() {
        int cacheLine = 64;
        try {
            cacheLine = Integer.parseInt(System.getProperty(CACHE_LINE_BYTES, "64"));
        } catch (NumberFormatException e) {
            // Jetty falls back to 64 on a bad value too
        }
        int referenceBytes = Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_HEAP_LIMIT ? 4 : 8;
        return Math.max(1, cacheLine / referenceBytes);
    }
}
