package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the handle can be injected, and which tenant each injection point gets. */
@McrEmulatorTest
class LifecycleInjectionTest {
    static McrEmulator fromBeforeAll;
    final McrEmulator fromConstructor;
    McrEmulator fromBeforeEach;

    LifecycleInjectionTest(McrEmulator mcr) {
        this.fromConstructor = mcr;
    }

    @BeforeAll
    static void beforeAll(McrEmulator mcr) {
        fromBeforeAll = mcr;
        mcr.seed(s -> s.registry(mcr.uniqueName("class")));
    }

    @BeforeEach
    void beforeEach(McrEmulator mcr) {
        fromBeforeEach = mcr;
    }

    @Test
    void beforeEachAndTestShareTheTestsTenant(McrEmulator mcr) {
        assertThat(mcr).isSameAs(fromBeforeEach);
        assertThat(mcr.tenant().id()).isNotEqualTo(fromBeforeAll.tenant().id());
        assertThat(mcr.port()).isEqualTo(fromBeforeAll.port()).isEqualTo(fromConstructor.port());
        assertThat(fromBeforeAll.state().registries())
                .as("the class tenant keeps what @BeforeAll seeded")
                .hasSize(1);
        assertThat(mcr.state().registries()).as("the test tenant starts empty").isEmpty();
    }

    @Test
    void secondTestGetsAnotherTenant(McrEmulator mcr) {
        assertThat(mcr.tenant().id()).isNotEqualTo(fromBeforeAll.tenant().id());
        assertThat(mcr.state().registries()).isEmpty();
    }

    @AfterEach
    void afterEach(McrEmulator mcr) {
        assertThat(mcr).isSameAs(fromBeforeEach);
    }
}
