package io.mcremulator.testcontainers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The module's settings reach the emulator in the container (as environment variables of the standalone runner). */
class SettingsTest {
    @RegisterExtension
    static final SharedContainer mcr = new SharedContainer(() -> new McrEmulatorContainer(EmulatorImage.get())
            .withAuthMode(McrEmulatorContainer.AuthMode.ANONYMOUS)
            .withRegistryNameMaxLength(8)
            .withSetting("MCR_DEFAULT_PAGE_LIMIT", "2"));

    @Test
    void anonymousModeRegistryNameLimitAndPageLimitApply() {
        for (String name : new String[] {"one", "two", "three"}) {
            given().contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\"}")
                    .post(mcr.get().getManagementUrl() + "/v0/registries")
                    .then()
                    .statusCode(201);
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"ninechars\"}")
                .post(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(400)
                .body("message", containsString("1 to 8 characters"));
        given().get(mcr.get().getManagementUrl() + "/v0/registries")
                .then()
                .statusCode(200)
                .body("results", hasSize(2))
                .body("meta.page.limit", equalTo(2))
                .body("meta.page.total", equalTo(3));
    }
}
