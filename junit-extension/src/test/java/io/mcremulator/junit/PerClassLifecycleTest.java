package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PER_CLASS lifecycle: the constructor and the instance @BeforeAll get the class handle, tests their own. */
@McrEmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassLifecycleTest {
    final McrEmulator fromConstructor;
    McrEmulator fromBeforeAll;

    PerClassLifecycleTest(McrEmulator mcr) {
        this.fromConstructor = mcr;
    }

    @BeforeAll
    void start(McrEmulator mcr) {
        fromBeforeAll = mcr;
    }

    @Test
    void theTestsHandleDiffersFromTheClassHandle(McrEmulator mcr) {
        assertThat(fromBeforeAll).isSameAs(fromConstructor);
        assertThat(mcr.tenant().id()).isNotEqualTo(fromBeforeAll.tenant().id());
    }
}
