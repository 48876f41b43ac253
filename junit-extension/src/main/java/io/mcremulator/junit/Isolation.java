package io.mcremulator.junit;

/** How tests sharing one emulator are kept apart. */
public enum Isolation {
    /**
     * Default: every test gets a fresh tenant (its own token, API key and docker credentials) on the running
     * server. Nothing is restarted or reset, so tests may run in parallel. The tenant's data is removed after the
     * test (option {@code cleanupTenants=false} keeps it). Registry names are global, as in MCR: tests that run
     * in parallel should use {@link McrEmulator#uniqueName(String)}.
     */
    TENANT,
    /**
     * Every test starts from the same state: all state is reset and the configured seeds are loaded again. Tests
     * in this mode get a server of their own (never shared with {@link #TENANT} tests) and run one at a time on it,
     * even under parallel execution.
     */
    RESET
}
