package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Exports with {@code content=include} carry manifests and blob bytes: an import gives back pullable images. */
class OciExportContentTest {

    @Test
    void exportWithContentImportsBackToPullableImages() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("expreg");
            OciFixture.Pushed img = f.pushImage("expreg/app", "latest", "exported-layer");
            String doc = f.control()
                    .get("/_emulator/export?content=include")
                    .then()
                    .statusCode(200)
                    .body("content.included", equalTo(true))
                    .body("registries[0].repositories[0].images[0].digest", equalTo(img.digest()))
                    .extract()
                    .asString();
            JsonPath j = JsonPath.from(doc);
            assertThat(new String(
                            Base64.getDecoder()
                                    .decode(j.getString("registries[0].repositories[0].images[0].manifest_base64")),
                            StandardCharsets.UTF_8))
                    .isEqualTo(img.manifest());
            assertThat(j.getList("content.blobs.digest")).contains(OciFixture.sha256("exported-layer"));

            f.control().post("/_emulator/reset").then().statusCode(204);
            f.control().body(doc).post("/_emulator/import").then().statusCode(204);
            f.password = f.mgmt()
                    .get("/v0/credentials")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("password");

            f.v2().accept("application/vnd.oci.image.manifest.v1+json")
                    .get("/v2/expreg/app/manifests/latest")
                    .then()
                    .statusCode(200)
                    .header("Docker-Content-Digest", equalTo(img.digest()));
            String layer = f.v2().get("/v2/expreg/app/blobs/" + OciFixture.sha256("exported-layer"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(layer).isEqualTo("exported-layer");
            f.mgmt().get("/v0/registries").then().body("results[0].storage_usage_bytes", equalTo((int)
                    img.sizeBytes()));
        }
    }

    @Test
    void exportWithoutContentKeepsMetadataOnly() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("metareg");
            f.pushImage("metareg/app", "latest", "meta-layer");
            String doc = f.control()
                    .get("/_emulator/export")
                    .then()
                    .statusCode(200)
                    .body("content.included", equalTo(false))
                    .body("content.blobs", org.hamcrest.Matchers.nullValue())
                    .extract()
                    .asString();
            assertThat(doc).doesNotContain("manifest_base64");
            f.control().body(doc).post("/_emulator/import").then().statusCode(204);
            f.v2().get("/v2/metareg/app/manifests/latest")
                    .then()
                    .statusCode(404)
                    .body("errors[0].code", equalTo("MANIFEST_UNKNOWN"));
            f.control().get("/_emulator/export?content=all").then().statusCode(400);
        }
    }

    @Test
    void tamperedContentIsRefusedAndNothingChanges() {
        try (OciFixture f = new OciFixture()) {
            f.createRegistry("tamper");
            f.pushImage("tamper/app", "latest", "true-layer");
            String doc = f.control().get("/_emulator/export?content=include").asString();
            String layerB64 = Base64.getEncoder().encodeToString("true-layer".getBytes(StandardCharsets.UTF_8));
            String forged = doc.replace(
                    layerB64, Base64.getEncoder().encodeToString("evil-layer".getBytes(StandardCharsets.UTF_8)));
            assertThat(forged).isNotEqualTo(doc);
            f.control()
                    .body(forged)
                    .post("/_emulator/import")
                    .then()
                    .statusCode(400)
                    .body("message", containsString("does not hash to the digest"));
            f.v2().get("/v2/tamper/app/blobs/" + OciFixture.sha256("true-layer"))
                    .then()
                    .statusCode(200);
        }
    }
}
