package io.mcremulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;

/** A bad configuration stops the container at once, and start() says what the emulator said. */
class StartFailureTest {

    @Test
    void unknownAuthModeFailsWithTheEmulatorsMessage() {
        // withAuthMode checks its value itself now: the raw variable reaches the emulator, which must say what is wrong
        try (McrEmulatorContainer mcr =
                new McrEmulatorContainer(EmulatorImage.get()).withEnv("MCR_AUTH_MODE", "bogus")) {
            assertThatThrownBy(mcr::start)
                    .isInstanceOf(ContainerLaunchException.class)
                    .hasMessageStartingWith("mcr-emulator did not start: mcr-emulator: configuration error: ")
                    .hasMessageContaining("'bogus'")
                    .hasMessageContaining("expected one of decode, verify, anonymous")
                    .hasMessageContaining("---- container log ----");
            assertThat(mcr.getContainerId())
                    .as("the failed container is removed")
                    .isNull();
        }
    }

    @Test
    void missingSeedFileFailsFastNamingTheFile() {
        Instant begin = Instant.now();
        try (McrEmulatorContainer mcr = new McrEmulatorContainer(EmulatorImage.get())
                .withSeedFileInContainer("/etc/mcr-emulator/missing-seed.json")
                .withStartupTimeout(Duration.ofSeconds(120))) {
            assertThatThrownBy(mcr::start)
                    .isInstanceOf(ContainerLaunchException.class)
                    .hasMessageContaining("configuration error: ")
                    .hasMessageContaining("seed file '/etc/mcr-emulator/missing-seed.json' does not exist");
        }
        // Fail fast: the wait gives up when the container exits, far before the 120 s startup timeout.
        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void invalidSeedDocumentFailsWithTheFieldPath() {
        try (McrEmulatorContainer mcr = new McrEmulatorContainer(EmulatorImage.get())
                .withSeed("{\"registries\": [{\"tenant\": \"t1\", \"name\": \"r\", \"colour\": \"blue\"}]}")) {
            assertThatThrownBy(mcr::start)
                    .isInstanceOf(ContainerLaunchException.class)
                    .hasMessageContaining("configuration error: seed file " + McrEmulatorContainer.SEED_PATH)
                    .hasMessageContaining("registries[0].colour");
        }
    }
}
