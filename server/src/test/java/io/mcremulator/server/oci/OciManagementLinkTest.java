package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.core.BlobStorageConfig;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.time.ControllableClock;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What /v2 pushes and pulls show in the management API, and management deletes seen from /v2. */
class OciManagementLinkTest {
    @Test
    void aPushCreatesRepositoryAndImageWithEveryFieldAndAPullMovesPulledAt() {
        ControllableClock clock = ControllableClock.fixed(Instant.parse("2026-01-02T03:04:05Z"));
        try (OciFixture f =
                OciFixture.withEngine(EmulatorConfig.builder().clock(clock).build())) {
            String reg = f.createRegistry("linkreg");
            OciFixture.Pushed p = f.pushImage("linkreg/team/app", "1.0", "layer-bytes");
            JsonPath repos = f.mgmt()
                    .get("/v1/registries/" + reg + "/repositories")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(repos.getString("results[0].name")).isEqualTo("team/app");
            assertThat(repos.getInt("results[0].image_count")).isEqualTo(1);
            String repoId = repos.getString("results[0].id");
            String imageUrl = "/v1/registries/" + reg + "/repositories/" + repoId + "/images";
            JsonPath img = f.mgmt()
                    .get(imageUrl + "?expand=tags_details,extra_attr,manifest_media_type,media_type")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(img.getString("results[0].digest")).isEqualTo(p.digest());
            assertThat(img.getLong("results[0].size_bytes")).isEqualTo(p.sizeBytes());
            assertThat(img.getList("results[0].tags")).containsExactly("1.0");
            assertThat(img.getString("results[0].manifest_media_type"))
                    .isEqualTo("application/vnd.oci.image.manifest.v1+json");
            assertThat(img.getString("results[0].media_type")).isEqualTo("application/vnd.oci.image.config.v1+json");
            assertThat(img.getMap("results[0].extra_attr"))
                    .isEqualTo(Map.of("architecture", "arm64", "os", "linux", "created", "2024-05-15T19:56:47Z"));
            assertThat(img.getString("results[0].pushed_at")).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(img.getString("results[0].pulled_at")).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(img.getString("results[0].tags_details[0].name")).isEqualTo("1.0");
            assertThat(img.getBoolean("results[0].tags_details[0].signed")).isFalse();
            long storage = f.mgmt()
                    .get("/v0/registries/" + reg)
                    .then()
                    .extract()
                    .jsonPath()
                    .getLong("storage_usage_bytes");
            assertThat(storage).isEqualTo(p.sizeBytes());

            clock.advance(Duration.ofMinutes(5));
            f.v2().head("/v2/linkreg/team/app/manifests/1.0").then().statusCode(200);
            f.v2().get("/v2/linkreg/team/app/manifests/" + p.digest()).then().statusCode(200);
            JsonPath after = f.mgmt()
                    .get(imageUrl + "?expand=tags_details")
                    .then()
                    .extract()
                    .jsonPath();
            assertThat(after.getString("results[0].pulled_at")).isEqualTo("2026-01-02T03:09:05Z");
            assertThat(after.getString("results[0].tags_details[0].pulled_at")).isEqualTo("2026-01-02T03:09:05Z");
            assertThat(after.getString("results[0].pushed_at")).isEqualTo("2026-01-02T03:04:05Z");
        }
    }

    @Test
    void aSecondImageSharingABlobCountsItOnceInStorage() {
        try (OciFixture f = new OciFixture()) {
            String reg = f.createRegistry("sharereg");
            OciFixture.Pushed a = f.pushImage("sharereg/a", "1", "same-layer");
            f.v2().post("/v2/sharereg/b/blobs/uploads/?mount=" + OciFixture.sha256("same-layer") + "&from=sharereg/a")
                    .then()
                    .statusCode(201);
            String cfg = f.pushBlob("sharereg/b", "{\"os\":\"linux\"}".getBytes());
            String m = OciFixture.manifest(cfg, 14, OciFixture.sha256("same-layer"), "same-layer".length());
            f.v2().contentType("application/vnd.oci.image.manifest.v1+json")
                    .body(m.getBytes())
                    .put("/v2/sharereg/b/manifests/1")
                    .then()
                    .statusCode(201);
            long expected = a.sizeBytes() + m.length() + 14;
            f.mgmt().get("/v0/registries/" + reg).then().body("storage_usage_bytes", equalTo((int) expected));
        }
    }

    @Test
    void managementDeletesRemoveFromV2AtOnceAndFreeUnreferencedBlobs() {
        try (OciFixture f = new OciFixture()) {
            String reg = f.createRegistry("delreg");
            OciFixture.Pushed p = f.pushImage("delreg/app", "1", "image-one");
            f.pushImage("delreg/other", "1", "image-two");
            long before = f.server.emulator().storageQuota().usedBytes();
            String repoId = f.mgmt()
                    .get("/v1/registries/" + reg + "/repositories?name=app")
                    .then()
                    .extract()
                    .path("results[0].id");
            f.mgmt()
                    .delete("/v1/registries/" + reg + "/repositories/" + repoId + "/images/1")
                    .then()
                    .statusCode(204);
            f.v2().get("/v2/delreg/app/manifests/1").then().statusCode(404);
            f.v2().get("/v2/delreg/app/manifests/" + p.digest()).then().statusCode(404);
            f.v2().head("/v2/delreg/app/blobs/" + OciFixture.sha256("image-one"))
                    .then()
                    .statusCode(404);
            assertThat(f.server.emulator().storageQuota().usedBytes())
                    .isEqualTo(before - p.configSize() - p.layerSize());

            String otherId = f.mgmt()
                    .get("/v1/registries/" + reg + "/repositories?name=other")
                    .then()
                    .extract()
                    .path("results[0].id");
            String openUpload = f.v2().post("/v2/delreg/other/blobs/uploads/")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            f.mgmt()
                    .delete("/v1/registries/" + reg + "/repositories/" + otherId)
                    .then()
                    .statusCode(204);
            f.v2().get("/v2/delreg/other/tags/list")
                    .then()
                    .statusCode(404)
                    .body("errors[0].code", equalTo("NAME_UNKNOWN"));
            f.v2().get(openUpload).then().statusCode(404).body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
            f.v2().head("/v2/delreg/other/blobs/" + OciFixture.sha256("image-two"))
                    .then()
                    .statusCode(404);
            f.v2().get("/v2/_catalog").then().body("repositories", equalTo(List.of("delreg/app")));
            assertThat(f.server.emulator().storageQuota().usedBytes())
                    .as("the repository's blobs are freed")
                    .isZero();

            // An empty registry of the same region going away frees nothing of the others.
            String bystander = f.createRegistry("bystander");
            f.pushImage("delreg/third", "1", "image-three");
            long third = f.server.emulator().storageQuota().usedBytes();
            assertThat(third).isPositive();
            f.mgmt().delete("/v0/registries/" + bystander).then().statusCode(204);
            assertThat(f.server.emulator().storageQuota().usedBytes()).isEqualTo(third);
            f.v2().head("/v2/delreg/third/blobs/" + OciFixture.sha256("image-three"))
                    .then()
                    .statusCode(200);

            f.mgmt().delete("/v0/registries/" + reg).then().statusCode(204);
            f.v2().get("/v2/delreg/other/tags/list")
                    .then()
                    .statusCode(404)
                    .body("errors[0].code", equalTo("NAME_UNKNOWN"));
            assertThat(f.server.emulator().storageQuota().usedBytes()).isZero();
        }
    }

    @Test
    void theStorageCapRefusesUploadsWithAClearErrorAndKeepsNothing() {
        EmulatorConfig engine = EmulatorConfig.builder()
                .blobStorage(BlobStorageConfig.defaults().withMaxStoredBytes(1000))
                .build();
        try (OciFixture f = OciFixture.withEngine(engine)) {
            f.createRegistry("capreg");
            String loc = f.v2().post("/v2/capreg/app/blobs/uploads/")
                    .then()
                    .extract()
                    .header("Location");
            f.v2().contentType("application/octet-stream")
                    .body(new byte[600])
                    .patch(loc)
                    .then()
                    .statusCode(202);
            f.v2().contentType("application/octet-stream")
                    .body(new byte[600])
                    .patch(loc)
                    .then()
                    .statusCode(507)
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("cap of 1000 bytes"));
            f.v2().get(loc).then().statusCode(204).header("Range", "0-599");
            assertThat(f.server.emulator().storageQuota().usedBytes()).isEqualTo(600);
            // A layer far bigger than the socket buffers: the client is still sending when the cap is hit, and
            // must still read the 507 (not a broken pipe); the session keeps its 600 bytes.
            f.v2().contentType("application/octet-stream")
                    .body(new byte[16 * 1024 * 1024])
                    .patch(loc)
                    .then()
                    .statusCode(507);
            f.v2().get(loc).then().statusCode(204).header("Range", "0-599");
            assertThat(f.server.emulator().storageQuota().usedBytes()).isEqualTo(600);
        }
    }

    @Test
    void abandonedUploadSessionsExpireByTheEngineClockAndFreeTheirBytes() {
        ControllableClock clock = ControllableClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));
        EmulatorConfig engine = EmulatorConfig.builder()
                .clock(clock)
                .blobStorage(BlobStorageConfig.defaults().withUploadExpiry(Duration.ofMinutes(10)))
                .build();
        try (OciFixture f = OciFixture.withEngine(engine)) {
            f.createRegistry("expreg");
            String loc = f.v2().post("/v2/expreg/app/blobs/uploads/")
                    .then()
                    .extract()
                    .header("Location");
            f.v2().contentType("application/octet-stream")
                    .body(new byte[100])
                    .patch(loc)
                    .then()
                    .statusCode(202);
            clock.advance(Duration.ofMinutes(11));
            f.v2().get(loc).then().statusCode(404).body("errors[0].code", equalTo("BLOB_UPLOAD_UNKNOWN"));
            assertThat(f.server.emulator().storageQuota().usedBytes()).isZero();
        }
    }

    @Test
    void blobsCanLiveInAFolderOnDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        EmulatorConfig engine = EmulatorConfig.builder()
                .blobStorage(BlobStorageConfig.defaults().withFolder(dir))
                .build();
        try (OciFixture f = OciFixture.withEngine(engine)) {
            f.createRegistry("diskreg");
            OciFixture.Pushed p = f.pushImage("diskreg/app", "1", "on disk layer");
            try (var files = java.nio.file.Files.walk(dir)) {
                assertThat(files.filter(java.nio.file.Files::isRegularFile).count())
                        .isGreaterThanOrEqualTo(2);
            }
            assertThat(f.v2().get("/v2/diskreg/app/blobs/" + OciFixture.sha256("on disk layer"))
                            .asString())
                    .isEqualTo("on disk layer");
            f.v2().header("Range", "bytes=3-6")
                    .get("/v2/diskreg/app/blobs/" + OciFixture.sha256("on disk layer"))
                    .then()
                    .statusCode(206)
                    .header("Content-Length", "4")
                    .body(equalTo("disk"));
            f.v2().get("/v2/diskreg/app/manifests/" + p.digest()).then().statusCode(200);
        }
    }

    @Test
    void seededImagesWithoutDigestArePullableAndWithDigestAreMetadataOnly() {
        try (OciFixture f = new OciFixture()) {
            String seed = "{\"registries\":[{\"tenant\":\"" + f.tenant
                    + "\",\"name\":\"seedreg\",\"repositories\":[{\"name\":\"app\",\"images\":["
                    + "{\"tags\":[\"latest\"]},{\"digest\":\"sha256:" + "a".repeat(64)
                    + "\",\"tags\":[\"meta\"],\"size_bytes\":5}]}]}]}";
            f.mgmt().body(seed).post("/_emulator/seed").then().statusCode(org.hamcrest.Matchers.lessThan(300));
            var m = f.v2().get("/v2/seedreg/app/manifests/latest");
            m.then().statusCode(200).header("Content-Type", "application/vnd.oci.image.manifest.v1+json");
            String layer = m.jsonPath().getString("layers[0].digest");
            byte[] gz = f.v2().get("/v2/seedreg/app/blobs/" + layer)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertThat(OciFixture.sha256(gz)).isEqualTo(layer);
            f.v2().get("/v2/seedreg/app/manifests/meta")
                    .then()
                    .statusCode(404)
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("seeded with a digest"));
            List<String> tags =
                    f.v2().get("/v2/seedreg/app/tags/list").jsonPath().getList("tags");
            assertThat(tags).containsExactly("latest", "meta");
        }
    }
}
