package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Named checkpoints and atomic imports keep pushed images pullable: manifests, blob bytes and blob links. */
class OciCheckpointTest {

    private static void control(OciFixture f, String method, String path, int status) {
        RestAssured.given()
                .baseUri(f.base())
                .contentType("application/json")
                .request(method, path)
                .then()
                .statusCode(status);
    }

    private static void assertPullable(OciFixture f, String name, OciFixture.Pushed img, String layerText) {
        f.v2().accept("application/vnd.oci.image.manifest.v1+json")
                .get("/v2/" + name + "/manifests/latest")
                .then()
                .statusCode(200)
                .header("Docker-Content-Digest", equalTo(img.digest()));
        String layerDigest = OciFixture.sha256(layerText);
        byte[] layer = f.v2().get("/v2/" + name + "/blobs/" + layerDigest)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(new String(layer, StandardCharsets.UTF_8)).isEqualTo(layerText);
    }

    @Test
    void restoringACheckpointAfterAResetBringsBackPullableImages() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("snapreg");
            OciFixture.Pushed img = f.pushImage("snapreg/app", "latest", "layer-bytes-1");
            control(f, "PUT", "/_emulator/snapshots/pushed", 201);

            control(f, "POST", "/_emulator/reset", 204);
            f.v2().get("/v2/snapreg/app/manifests/latest").then().statusCode(org.hamcrest.Matchers.not(equalTo(200)));

            control(f, "POST", "/_emulator/snapshots/pushed/restore", 204);
            f.password = f.mgmt()
                    .get("/v0/credentials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("password");
            assertPullable(f, "snapreg/app", img, "layer-bytes-1");
        }
    }

    @Test
    void restoringACheckpointAfterDeletingTheRegistryBringsBackItsBlobs() {
        try (OciFixture f = new OciFixture()) {
            String reg = f.createRegistry("gcreg");
            OciFixture.Pushed img = f.pushImage("gcreg/app", "latest", "layer-bytes-2");
            control(f, "PUT", "/_emulator/snapshots/before-delete", 201);
            f.mgmt().delete("/v0/registries/" + reg).then().statusCode(204);
            control(f, "POST", "/_emulator/snapshots/before-delete/restore", 204);
            assertPullable(f, "gcreg/app", img, "layer-bytes-2");
        }
    }

    @Test
    void aFailedImportKeepsPushedImages() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("keepreg");
            OciFixture.Pushed img = f.pushImage("keepreg/app", "latest", "layer-bytes-3");
            RestAssured.given()
                    .baseUri(f.base())
                    .contentType("application/json")
                    .body("{\"registries\":[{\"tenant\":\"x\",\"name\":\"BAD NAME\"}]}")
                    .post("/_emulator/import")
                    .then()
                    .statusCode(400);
            assertPullable(f, "keepreg/app", img, "layer-bytes-3");
        }
    }
}
