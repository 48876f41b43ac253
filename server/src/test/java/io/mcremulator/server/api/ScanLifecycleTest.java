package io.mcremulator.server.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan's life on the controllable clock with configured durations (10 s pending, 20 s running), and the child
 * scans of an image index pushed over /v2.
 */
class ScanLifecycleTest extends ScanTestSupport {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.engine(EmulatorConfig.builder()
                .scanPendingDuration(Duration.ofSeconds(10))
                .scanRunningDuration(Duration.ofSeconds(20))
                .build());
    }

    @BeforeEach
    void fixClock() {
        control().post("/_emulator/reset").then().statusCode(204);
        control()
                .body(Map.of("at", "2026-01-01T00:00:00Z"))
                .post("/_emulator/clock/fix")
                .then()
                .statusCode(200);
    }

    private void advance(int seconds) {
        control()
                .body(Map.of("seconds", seconds))
                .post("/_emulator/clock/advance")
                .then()
                .statusCode(200);
    }

    @Test
    void pendingThenRunningThenCompletedAsTheClockMoves() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        control()
                .get("/_emulator/scans/settings")
                .then()
                .body("pending_duration", equalTo("PT10S"))
                .body("running_duration", equalTo("PT20S"));
        String id = schedule(c, img, "1.0");
        String path = "/v1/scans/" + id;
        scanAs(c).get(path).then().body("status", equalTo("pending"));
        advance(9);
        scanAs(c).get(path).then().body("status", equalTo("pending"));
        advance(1);
        scanAs(c)
                .get(path)
                .then()
                .body("status", equalTo("running"))
                .body("updated_at", equalTo("2026-01-01T00:00:10Z"))
                .body("finished_at", nullValue());
        advance(60); // read long after: the transitions keep the instants they were due at
        scanAs(c)
                .get(path)
                .then()
                .body("status", equalTo("completed"))
                .body("created_at", equalTo("2026-01-01T00:00:00Z"))
                .body("updated_at", equalTo("2026-01-01T00:00:30Z"))
                .body("finished_at", equalTo("2026-01-01T00:00:30Z"));
    }

    @Test
    void findingsSetBeforeCompletionAreFoundAndLaterOnesAreNot() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        String id = schedule(c, img, "1.0");
        advance(15); // running
        putFindings(
                Map.of("digest", img.digest(), "vulnerabilities", List.of(vuln("CVE-2024-1", "high", "zlib", null))));
        advance(15); // due at 30 s
        putFindings(Map.of("digest", img.digest(), "vulnerabilities", List.of()));
        scanAs(c).get("/v1/scans/" + id + "/vulnerabilities").then().body("results.cve_id", contains("CVE-2024-1"));
    }

    @Test
    void aHeldScanStartsItsPhaseAgainWhenReleased() {
        Caller c = Caller.random();
        Img img = seedImage(c, "1.0");
        scanSettings(Map.of("hold", "pending"));
        String id = schedule(c, img, "1.0");
        advance(3600);
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("pending"));
        scanSettings(Map.of("hold", "none"));
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("pending"));
        advance(10);
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("running"));
        scanAs(c).post("/v1/scans/" + id + "/stop").then().statusCode(204);
        advance(60);
        scanAs(c).get("/v1/scans/" + id).then().body("status", equalTo("stopped"));
    }

    @Test
    void anIndexGetsOneChildScanPerPlatformAndTheParentAddsThemUp() {
        Caller c = Caller.random();
        String registryId = createRegistry(c, uniqueName("idx"));
        String registry =
                as(c).get("/v0/registries/" + registryId).then().extract().path("name");
        JsonPath creds =
                as(c).get("/v0/credentials").then().statusCode(200).extract().jsonPath();
        var v2 = new V2(creds.getString("username"), creds.getString("password"), registry + "/multi");
        String amd = v2.pushImage("amd64", "x");
        String arm = v2.pushImage("arm64", "y");
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
                + v2.platform(amd, "amd64") + "," + v2.platform(arm, "arm64")
                + ",{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + amd
                + "\",\"size\":" + v2.sizes.get(amd)
                + ",\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}}"
                + "]}";
        String indexDigest = v2.putManifest("latest", index, "application/vnd.oci.image.index.v1+json");
        putFindings(Map.of(
                "digest",
                amd,
                "vulnerabilities",
                List.of(vuln("CVE-1", "critical", "a", "2"), vuln("CVE-2", "low", "b", null))));
        putFindings(Map.of("digest", arm, "vulnerabilities", List.of(vuln("CVE-3", "high", "c", "1"))));
        String repositoryId = as(c).get("/v1/registries/" + registryId + "/repositories")
                .then()
                .extract()
                .path("results[0].id");
        Img img = new Img(registryId, registry, repositoryId, "multi", indexDigest);
        String id = schedule(c, img, "latest");
        advance(30);
        JsonPath scan = scanAs(c)
                .get("/v1/scans/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        org.assertj.core.api.Assertions.assertThat(scan.getString("status")).isEqualTo("completed");
        org.assertj.core.api.Assertions.assertThat(scan.getList("child_scans.architecture"))
                .containsExactly("amd64", "arm64");
        org.assertj.core.api.Assertions.assertThat(scan.getList("child_scans.os"))
                .containsExactly("linux", "linux");
        org.assertj.core.api.Assertions.assertThat(scan.getList("child_scans.digest"))
                .containsExactly(amd, arm);
        org.assertj.core.api.Assertions.assertThat(scan.getInt("severity_summary.total"))
                .isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(scan.getInt("severity_summary.critical"))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(scan.getInt("severity_summary.fixable"))
                .isEqualTo(2);
        scanAs(c)
                .get("/v1/scans/" + id + "/vulnerabilities")
                .then()
                .body("results.cve_id", contains("CVE-1", "CVE-3", "CVE-2"));
        String child = scan.getString("child_scans[1].id");
        scanAs(c)
                .get("/v1/scans/" + child)
                .then()
                .statusCode(200)
                .body("architecture", equalTo("arm64"))
                .body("severity_summary.high", equalTo(1));
        scanAs(c).get("/v1/scans/" + child + "/vulnerabilities").then().body("results.cve_id", contains("CVE-3"));
        // deleting the index over /v2 deletes its scans, children included
        v2.request()
                .delete("/v2/" + v2.name + "/manifests/" + indexDigest)
                .then()
                .statusCode(202);
        assertError(scanAs(c).get("/v1/scans/" + child), 404, "not_found");
    }

    /** Just enough of a /v2 client to push platform images and an index. */
    private final class V2 {
        final String user;
        final String password;
        final String name;
        final Map<String, Integer> sizes = new java.util.HashMap<>();

        V2(String user, String password, String name) {
            this.user = user;
            this.password = password;
            this.name = name;
        }

        io.restassured.specification.RequestSpecification request() {
            return RestAssured.given()
                    .baseUri(server.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(user, password)
                    .urlEncodingEnabled(false);
        }

        String blob(byte[] content) {
            String digest = sha256(content);
            String location = request()
                    .post("/v2/" + name + "/blobs/uploads/")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            request()
                    .contentType("application/octet-stream")
                    .body(content)
                    .put(location + (location.contains("?") ? "&" : "?") + "digest=" + digest)
                    .then()
                    .statusCode(201);
            return digest;
        }

        String pushImage(String arch, String text) {
            byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                            + "\"diff_ids\":[]}}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] layer = text.getBytes(StandardCharsets.UTF_8);
            String cd = blob(config);
            String ld = blob(layer);
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + cd
                    + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + ld + "\",\"size\":"
                    + layer.length + "}]}";
            return putManifest(
                    sha256(manifest.getBytes(StandardCharsets.UTF_8)),
                    manifest,
                    "application/vnd.oci.image.manifest.v1+json");
        }

        String putManifest(String reference, String manifest, String mediaType) {
            byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
            String digest = request()
                    .contentType(mediaType)
                    .body(bytes)
                    .put("/v2/" + name + "/manifests/" + reference)
                    .then()
                    .statusCode(201)
                    .extract()
                    .header("Docker-Content-Digest");
            sizes.put(digest, bytes.length);
            return digest;
        }

        String platform(String digest, String arch) {
            return "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest
                    + "\",\"size\":" + sizes.get(digest) + ",\"platform\":{\"os\":\"linux\",\"architecture\":\""
                    + arch + "\"}}";
        }
    }

    private static String sha256(byte[] b) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
