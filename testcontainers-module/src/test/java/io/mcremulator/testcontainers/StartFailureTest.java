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
        // The typed method refuses it at once, before any container starts ...
        assertThatThrownBy(() -> new McrEmulatorContainer(EmulatorImage.get()).withAuthMode("bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withAuthMode (MCR_AUTH_MODE): expected one of decode, verify, anonymous");
        // ... and the emulator itself refuses it too, when it comes by other means (a raw environment variable).
        try (McrEmulatorContainer mcr =
                new McrEmulatorContainer(EmulatorImage.get()).withEnv("MCR_AUTH_MODE", "bogus")) {
            assertThatThrownBy(mcr::start)
                    .isInstanceOf(ContainerLaunchException.class)
                    .hasMessageStartingWith(
                            "mcr-emulator did not start: mcr-emulator: configuration error: --auth-mode (MCR_AUTH_MODE)")
                    .hasMessageContaining("expected one of decode, verify, anonymous, got 'bogus'")
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
                    .hasMessageContaining(
                            "configuration error: --seed (MCR_SEED_FILE): seed file '/etc/mcr-emulator/missing-seed.json'"
                                    + " does not exist");
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
