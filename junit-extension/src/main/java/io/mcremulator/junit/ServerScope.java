package io.mcremulator.junit;

/** How long one emulator server lives and who shares it. */
public enum ServerScope {
    /**
     * Default: one server per JVM and configuration, started on first use and stopped when the test run ends
     * (through the root {@code ExtensionContext} store). Test classes with the same settings share it.
     */
    JVM,
    /** One server per test class, stopped after the class. */
    CLASS
}
