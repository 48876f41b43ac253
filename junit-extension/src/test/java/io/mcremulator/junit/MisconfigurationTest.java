package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Misconfiguration fails the test class with a message that names the problem and where it came from. The
 * misconfigured classes are nested here and run through JUnit's EngineTestKit.
 */
class MisconfigurationTest {

    @Test
    void missingSeedFile() {
        assertThat(failureOf(MissingSeed.class))
                .contains("seed 'classpath:seeds/no-such-seed.json'")
                .contains("no resource 'seeds/no-such-seed.json' on the classpath")
                .contains("@McrEmulatorTest on " + MissingSeed.class.getName());
    }

    @Test
    void missingSeedFileOnDisk() {
        assertThat(failureOf(MissingSeedPath.class))
                .contains("no such file")
                .contains("build/nowhere/seed.json")
                .contains("McrEmulatorExtension.builder() registered in " + MissingSeedPath.class.getName());
    }

    @Test
    void badSeedDocument() {
        assertThat(failureOf(BadSeed.class))
                .contains("seed 'classpath:seeds/bad-tag.json'")
                .contains("registries[0].repositories[0].images[0].tags[0]")
                .contains(BadSeed.class.getName());
    }

    @Test
    void unknownOption() {
        assertThat(failureOf(UnknownOption.class))
                .contains("unknown option 'registryNameMaxLenght'")
                .contains("known options: ")
                .contains("registryNameMaxLength")
                .contains("@McrEmulatorTest on " + UnknownOption.class.getName());
    }

    @Test
    void badOptionValue() {
        assertThat(failureOf(BadOptionValue.class))
                .contains("option 'nonEmptyRegistryDelete=sometimes'")
                .contains("expected one of cascade, conflict")
                .contains(BadOptionValue.class.getName());
    }

    @Test
    void optionWithoutValue() {
        assertThat(failureOf(OptionWithoutValue.class))
                .contains("option 'cleanupTenants' ")
                .contains("is not name=value");
    }

    @Test
    void unknownRegion() {
        assertThat(failureOf(UnknownRegion.class))
                .contains("unknown region 'us-east-1'")
                .contains(UnknownRegion.class.getName());
    }

    @Test
    void fixedTenantNeedsResetIsolation() {
        assertThat(failureOf(FixedTenantWithTenantIsolation.class)).contains("option 'tenant' needs isolation RESET");
    }

    /** Runs the class alone and returns the messages of everything that failed; fails if nothing did. */
    private static String failureOf(Class<?> testClass) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(testClass))
                .execute();
        List<String> messages = results.allEvents().failed().stream()
                .map(MisconfigurationTest::message)
                .toList();
        assertThat(messages).as("failures of " + testClass.getSimpleName()).isNotEmpty();
        assertThat(results.testEvents().succeeded().count())
                .as("no test of a misconfigured class passes")
                .isZero();
        return String.join("\n", messages);
    }

    private static String message(Event e) {
        return e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(t -> t.getClass().getName() + ": " + t.getMessage())
                .orElse("");
    }

    // ---- misconfigured classes (nested, so the build's own test run does not pick them up) ----

    @McrEmulatorTest(seed = "classpath:seeds/no-such-seed.json")
    static class MissingSeed {
        @Test
        void test(McrEmulator mcr) {}
    }

    static class MissingSeedPath {
        @RegisterExtension
        static McrEmulatorExtension emu =
                McrEmulatorExtension.builder().seed("build/nowhere/seed.json").build();

        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(seed = "classpath:seeds/bad-tag.json")
    static class BadSeed {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(options = "registryNameMaxLenght=45")
    static class UnknownOption {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(options = "nonEmptyRegistryDelete=sometimes")
    static class BadOptionValue {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(options = "cleanupTenants")
    static class OptionWithoutValue {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(region = "us-east-1")
    static class UnknownRegion {
        @Test
        void test(McrEmulator mcr) {}
    }

    @McrEmulatorTest(options = "tenant=abc")
    static class FixedTenantWithTenantIsolation {
        @Test
        void test(McrEmulator mcr) {}
    }
}
