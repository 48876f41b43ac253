package io.mcremulator.testcontainers;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One container for a test class ({@code @RegisterExtension static final SharedContainer mcr = ...}), started
 * before the first test and stopped after the last. Started per test rather than in a before-all callback, so that
 * when Docker is missing each test is skipped with the reason in the report (an assumption that fails before all
 * tests leaves no reason there).
 */
final class SharedContainer implements BeforeEachCallback, AfterAllCallback {
    private final Supplier<McrEmulatorContainer> factory;
    private McrEmulatorContainer container;

    SharedContainer(Supplier<McrEmulatorContainer> factory) {
        this.factory = factory;
    }

    synchronized McrEmulatorContainer get() {
        if (container == null) {
            McrEmulatorContainer c = factory.get();
            c.start();
            container = c;
        }
        return container;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        get();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (container != null) container.stop();
        container = null;
    }
}
