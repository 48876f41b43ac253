package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The image's JVM defaults (docker/jvm.flags: the AppCDS archive, C1 only) sit below JAVA_TOOL_OPTIONS: a user's
 * options win, a garbage collector of their choice starts, and the archive the image build wrote is usable.
 */
class ImageJvmOptionsTest {
    @Test
    void startsFromTheArchiveTheImageBuildWrote() {
        // -Xshare:on turns "archive not usable" from a silent fallback into a failed start
        try (McrEmulatorContainer c =
                new McrEmulatorContainer(EmulatorImage.get()).withEnv("JAVA_TOOL_OPTIONS", "-Xshare:on")) {
            c.start();
            given().get(c.getBaseUrl() + "/_emulator/health").then().statusCode(200);
        }
    }

    @Test
    void javaToolOptionsOverrideTheDefaultsAndPickTheCollector() {
        try (McrEmulatorContainer c = new McrEmulatorContainer(EmulatorImage.get())
                .withEnv("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC -XX:TieredStopAtLevel=4 -Xmx256m")) {
            c.start();
            given().get(c.getBaseUrl() + "/_emulator/health").then().statusCode(200);
            assertThat(c.getLogs()).contains("Picked up JAVA_TOOL_OPTIONS: -XX:+UseG1GC");
        }
    }

    @Test
    void aMissingArchiveFailsOnlyWhenRequired() {
        try (McrEmulatorContainer c = new McrEmulatorContainer(EmulatorImage.get())
                .withEnv("JAVA_TOOL_OPTIONS", "-Xshare:on -XX:SharedArchiveFile=/app/missing.jsa")) {
            assertThatThrownBy(c::start).hasMessageContaining("shared archive");
        }
    }
}
