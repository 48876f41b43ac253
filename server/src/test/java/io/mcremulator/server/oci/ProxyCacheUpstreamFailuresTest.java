package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.client.FaultSpec;
import io.mcremulator.core.BlobStorageConfig;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.proxy.ProxySettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-through at the HTTP level against a real distribution upstream: wrong digests, upstream errors, faults on
 * upstream calls, concurrent pulls, deletion and the storage cap.
 */
class ProxyCacheUpstreamFailuresTest {
    @TempDir
    Path tmp;

    DistributionRegistry upstream;
    OciFixture f;
    ProxyCacheFixture p;
    String registryId;

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (upstream != null) upstream.close();
    }

    private void start(McrEmulatorServer.Builder builder) {
        upstream = DistributionRegistry.start(tmp.resolve("upstream"));
        f = new OciFixture(builder.proxyUpstream("docker-hub", upstream.url()));
        p = new ProxyCacheFixture(f);
        registryId =
                p.createProxyRegistry("hub", p.createCache("hub", "docker-hub", "https://hub.docker.com", null, null));
    }

    private void start() {
        start(McrEmulatorServer.builder());
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsDigestIsNotKeptAndTheClientGetsAnError() throws Exception {
        start();
        var img = ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(2000, 1));
        Files.write(upstream.blobFile(img.layer()), random(2000, 2)); // the upstream's copy goes bad
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200);

        f.v2().get("/v2/hub/team/app/blobs/" + img.layer())
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("BLOB_UNKNOWN"))
                .body("errors[0].message", containsString("nothing was stored"));
        // nothing half-written: the next pull asks the upstream again, and the registry counts only the manifest's
        // declared content (no extra bytes stored)
        f.v2().get("/v2/hub/team/app/blobs/" + img.layer()).then().statusCode(404);
        assertThat(p.blobFetches(img.layer())).isEqualTo(2);
        assertThat(storedBlobBytes()).isZero();
    }

    @Test
    void aLargeBlobWithAWrongDigestBreaksTheTransferInsteadOfCompletingIt() throws Exception {
        start();
        var img = ProxyCacheFixture.pushRaw(upstream.url(), "team/big", "1", random(3 * 1024 * 1024, 3));
        Files.write(upstream.blobFile(img.layer()), random(3 * 1024 * 1024, 4));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(f.base() + "/v2/hub/team/big/blobs/" + img.layer()))
                .header("Authorization", basic())
                .build();
        boolean broken;
        try {
            HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            broken = r.statusCode() != 200 || r.body().length != 3 * 1024 * 1024;
        } catch (java.io.IOException e) {
            broken = true; // the emulator closed the connection before the last bytes
        }
        assertThat(broken)
                .as("the client must not receive the complete wrong blob")
                .isTrue();
        assertThat(storedBlobBytes()).isZero();
    }

    @Test
    void upstreamErrorsBecomeClearOciErrors() {
        start();
        f.v2().get("/v2/hub/nothing/here/manifests/1")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("MANIFEST_UNKNOWN"))
                .body("errors[0].message", containsString("answered HTTP 404"))
                .body("errors[0].detail.upstream_status", equalTo(404));

        // what is not a tag or digest never reaches the upstream
        f.v2().get("/v2/hub/team/app/manifests/-bad..tag").then().statusCode(404);
        f.v2().get("/v2/hub/team/app/manifests/sha256:xyz").then().statusCode(400);
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);

        ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(100, 5));
        f.control()
                .body(FaultSpec.upstream()
                        .upstreamOperation("upstreamManifestGet")
                        .status(503)
                        .firstN(1)
                        .toJson())
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        f.v2().get("/v2/hub/team/app/manifests/1")
                .then()
                .statusCode(404)
                .body("errors[0].code", equalTo("MANIFEST_UNKNOWN"))
                .body("errors[0].message", containsString("answered HTTP 503"));
        assertThat(p.upstreamCalls("upstreamManifestGet"))
                .filteredOn(e -> e.get("faultId") != null)
                .singleElement()
                .satisfies(e -> assertThat(e.get("status")).isEqualTo(503));

        f.control()
                .body(FaultSpec.upstream()
                        .pathPattern("/v2/**")
                        .drop()
                        .firstN(1)
                        .toJson())
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        f.v2().get("/v2/hub/team/app/manifests/1")
                .then()
                .statusCode(404)
                .body("errors[0].message", containsString("cannot be reached"));
        // the faults are used up: the same pull now goes through
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200);
    }

    @Test
    void aSlowUpstreamTimesOutAndGatewayErrorsCanBeChosen() {
        start(McrEmulatorServer.builder()
                .proxy(ProxySettings.defaults()
                        .withTimeout(Duration.ofSeconds(1))
                        .withGatewayErrors(true)));
        ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(100, 6));
        f.control()
                .body(FaultSpec.upstream().delayMs(1000).firstN(1).toJson())
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        f.v2().get("/v2/hub/team/app/manifests/1")
                .then()
                .statusCode(504)
                .body("errors[0].code", equalTo("UNAVAILABLE"))
                .body("errors[0].message", containsString("did not answer"));
        upstream.stop();
        f.v2().get("/v2/hub/team/app/manifests/1")
                .then()
                .statusCode(502)
                .body("errors[0].code", equalTo("UNAVAILABLE"))
                .body("errors[0].message", containsString("cannot be reached"));
    }

    @Test
    void concurrentPullsOfTheSameMissingImageFetchItOnce() throws Exception {
        start();
        var img = ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(512 * 1024, 7));
        // a slower upstream widens the window in which the pulls overlap
        f.control()
                .body(FaultSpec.upstream().delayMs(300).toJson())
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> pulls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pulls.add(pool.submit(() -> {
                    String m = get(http, "/v2/hub/team/app/manifests/1");
                    return m + "|" + get(http, "/v2/hub/team/app/blobs/" + img.layer());
                }));
            }
            for (Future<String> pull : pulls) assertThat(pull.get()).isEqualTo("200|200");
        } finally {
            pool.shutdownNow();
        }
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);
        assertThat(p.blobFetches(img.layer())).isEqualTo(1);
    }

    @Test
    void deletedContentIsFetchedAgainAndTheStorageCapApplies() {
        start(McrEmulatorServer.builder()
                .engine(EmulatorConfig.builder()
                        .blobStorage(BlobStorageConfig.defaults().withMaxStoredBytes(64 * 1024))
                        .build()));
        var small = ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(1000, 8));
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200);
        f.v2().get("/v2/hub/team/app/blobs/" + small.layer()).then().statusCode(200);
        assertThat(p.storageUsage(registryId)).isEqualTo(small.size());
        String repoId = p.repositories(registryId).getString("results[0].id");
        f.mgmt()
                .delete("/v1/registries/" + registryId + "/repositories/" + repoId + "/images/" + small.digest())
                .then()
                .statusCode(204);
        assertThat(storedBlobBytes()).isZero();
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200);
        f.v2().get("/v2/hub/team/app/blobs/" + small.layer()).then().statusCode(200);
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(2);
        assertThat(p.blobFetches(small.layer())).isEqualTo(2);

        var big = ProxyCacheFixture.pushRaw(upstream.url(), "team/big", "1", random(100 * 1024, 9));
        f.v2().get("/v2/hub/team/big/manifests/1").then().statusCode(200);
        f.v2().get("/v2/hub/team/big/blobs/" + big.layer())
                .then()
                .statusCode(507)
                .body("errors[0].message", containsString("storage cap"));
        f.v2().get("/v2/hub/team/app/blobs/" + small.layer()).then().statusCode(200);
    }

    @Test
    void anExportWithBlobsNotPulledYetImportsAndTheBlobsAreFetchedOnPull() {
        start();
        var img = ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(1000, 10));
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200); // the blobs are not pulled yet
        byte[] export = f.control()
                .get("/_emulator/export?content=include")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        f.control().body(export).post("/_emulator/import").then().statusCode(204);
        f.v2().get("/v2/hub/team/app/blobs/" + img.layer()).then().statusCode(200);
        assertThat(p.blobFetches(img.layer())).isEqualTo(1);
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);
    }

    @Test
    void withADataDirCachedImagesSurviveARestartAndUnpulledBlobsAreFetchedThen() {
        Path data = tmp.resolve("data");
        start(McrEmulatorServer.builder().dataDir(data).flushInterval(Duration.ZERO));
        var img = ProxyCacheFixture.pushRaw(upstream.url(), "team/app", "1", random(1000, 11));
        f.v2().get("/v2/hub/team/app/manifests/1").then().statusCode(200);
        f.v2().get("/v2/hub/team/app/blobs/" + img.config()).then().statusCode(200); // the layer is not pulled yet
        f.server.stop();

        try (McrEmulatorServer again = McrEmulatorServer.builder()
                .dataDir(data)
                .flushInterval(Duration.ZERO)
                .proxyUpstream("docker-hub", upstream.url())
                .build()
                .start()) {
            var v2 = io.restassured.RestAssured.given()
                    .baseUri(again.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(f.username, f.password);
            v2.get("/v2/hub/team/app/manifests/" + img.digest()).then().statusCode(200);
            v2.get("/v2/hub/team/app/blobs/" + img.config()).then().statusCode(200);
            v2.get("/v2/hub/team/app/blobs/" + img.layer()).then().statusCode(200);
            List<Object> fetched = io.restassured.RestAssured.given()
                    .baseUri(again.baseUrl())
                    .get("/_emulator/requests?api=upstream")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("requests.path");
            assertThat(fetched).containsExactly("/v2/team/app/blobs/" + img.layer());
        }
    }

    @Test
    void aPlainHttpUpstreamIsRefusedUnlessLoopbackOrMapped() {
        start();
        String cache = p.createCache("ecr", "aws-ecr", "http://registry.example.com", null, null);
        p.createProxyRegistry("ecr", cache);
        f.v2().get("/v2/ecr/team/app/manifests/1")
                .then()
                .statusCode(404)
                .body("errors[0].message", containsString("plain HTTP"));
        assertThat(p.upstreamCalls("upstreamManifestGet")).isEmpty();
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(f.base() + path))
                        .header("Authorization", basic())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return String.valueOf(r.statusCode());
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((f.username + ":" + f.password).getBytes());
    }

    /** Bytes the emulator's blob storage holds (what counts against --max-stored-bytes). */
    private long storedBlobBytes() {
        return f.server.emulator().storageQuota().usedBytes();
    }
}
