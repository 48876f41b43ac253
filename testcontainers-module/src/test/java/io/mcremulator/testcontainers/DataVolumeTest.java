package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * {@link McrEmulatorContainer#withDataVolume(String)}: a registry created in one container is there in the next
 * container that mounts the same volume, though Testcontainers stops the first with a kill (write-through).
 */
class DataVolumeTest {
    @Test
    void stateOutlivesTheContainerInItsVolume() {
        String volume = "mcr-emulator-test-" + UUID.randomUUID();
        String apiKey = McrEmulatorContainer.newApiKey();
        String name = "kept" + System.nanoTime();
        try {
            try (McrEmulatorContainer first = new McrEmulatorContainer(EmulatorImage.get()).withDataVolume(volume)) {
                first.start();
                given().header("X-API-Key", apiKey)
                        .contentType(ContentType.JSON)
                        .body("{\"name\":\"" + name + "\"}")
                        .post(first.getManagementUrl() + "/v0/registries")
                        .then()
                        .statusCode(201);
            }
            try (McrEmulatorContainer second = new McrEmulatorContainer(EmulatorImage.get()).withDataVolume(volume)) {
                second.start();
                given().header("X-API-Key", apiKey)
                        .get(second.getManagementUrl() + "/v0/registries")
                        .then()
                        .statusCode(200)
                        .body("results.name", hasItem(name));
                assertThat(second.getLogs()).contains("loaded saved state");
            }
        } finally {
            DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void setsTheDataDirAndWriteThroughAndRefusesABadVolumeName() {
        McrEmulatorContainer mcr = new McrEmulatorContainer("mcr-emulator:1.2.3").withDataVolume("my-state");
        assertThat(mcr.getEnvMap())
                .containsEntry("MCR_DATA_DIR", McrEmulatorContainer.DATA_DIR)
                .containsEntry("MCR_FLUSH_INTERVAL", "0");
        assertThat(mcr.withFlushInterval("1s").getEnvMap()).containsEntry("MCR_FLUSH_INTERVAL", "1s");
        assertThatThrownBy(() -> mcr.withDataVolume("/host/path")).isInstanceOf(IllegalArgumentException.class);
    }
}
