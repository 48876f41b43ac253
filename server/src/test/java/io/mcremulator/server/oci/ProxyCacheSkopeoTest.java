package io.mcremulator.server.oci;

import static io.mcremulator.server.oci.ProxyCacheFixture.skopeo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.testsupport.External;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-through from a real upstream: Debian's docker-registry (distribution) is started on a free port, images are
 * pushed to it with skopeo, and skopeo pulls them through a {@code docker-hub} proxy cache whose traffic
 * {@code --proxy-upstream} sends to that local registry.
 */
class ProxyCacheSkopeoTest {
    @TempDir
    Path tmp;

    DistributionRegistry upstream;
    OciFixture f;
    ProxyCacheFixture p;
    String creds;
    String host;
    String registryId;

    @BeforeEach
    void start() {
        External.requireCommand("skopeo", List.of("skopeo", "--version"));
        upstream = DistributionRegistry.start(tmp.resolve("upstream"));
        f = new OciFixture(McrEmulatorServer.builder().proxyUpstream("docker-hub", upstream.url()));
        p = new ProxyCacheFixture(f);
        creds = f.username + ":" + f.password;
        host = f.server.registryHost();
        String cacheId = p.createCache("hub", "docker-hub", "https://hub.docker.com", null, null);
        registryId = p.createProxyRegistry("hub", cacheId);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (upstream != null) upstream.close();
    }

    private Cli.Result pull(String reference, Path into) {
        return skopeo(
                "copy",
                "--src-creds",
                creds,
                "--src-tls-verify=false",
                "docker://" + host + "/" + reference,
                "oci:" + into + ":pulled");
    }

    private static String pulledDigest(Path layout) {
        return JsonPath.from(layout.resolve("index.json").toFile()).getString("manifests[0].digest");
    }

    @Test
    void pullsThroughOnceShowsInTheManagementApiAndServesTheCacheWhenTheUpstreamIsDown() throws Exception {
        TestImage image = TestImage.build(tmp.resolve("img"), "1.0", "hello through the proxy\n");
        ProxyCacheFixture.pushAnonymous(image, upstream.host() + "/library/hello:1.0");

        // a one-part Docker Hub name is library/<name> upstream
        Path out = tmp.resolve("out1");
        pull("hub/hello:1.0", out).ok();
        assertThat(pulledDigest(out)).isEqualTo(image.digest());
        assertThat(Files.readAllBytes(
                        out.resolve("blobs/sha256/" + image.layer().substring(7))))
                .isEqualTo(Files.readAllBytes(
                        image.layout().resolve("blobs/sha256/" + image.layer().substring(7))));

        assertThat(p.upstreamCalls("upstreamManifestGet")).singleElement().satisfies(e -> {
            assertThat(e.get("path")).isEqualTo("/v2/library/hello/manifests/1.0");
            assertThat(e.get("upstream")).isEqualTo(upstream.url());
            assertThat(e.get("api")).isEqualTo("upstream");
            assertThat(e.get("status")).isEqualTo(200);
            assertThat(e.get("tenant")).isEqualTo(f.tenant);
        });
        assertThat(p.blobFetches(image.config())).isEqualTo(1);
        assertThat(p.blobFetches(image.layer())).isEqualTo(1);

        // what was cached is in the management API, counted in storage_usage_bytes
        JsonPath repos = p.repositories(registryId);
        assertThat(repos.getList("results.name")).containsExactly("hello");
        assertThat(repos.getInt("results[0].image_count")).isEqualTo(1);
        JsonPath img = p.image(registryId, "hello", image.digest());
        assertThat(img.getList("tags")).containsExactly("1.0");
        assertThat(img.getLong("size_bytes")).isEqualTo(image.size());
        assertThat(img.getString("pulled_at")).isNotEqualTo("0001-01-01T00:00:00Z");
        assertThat(img.getString("extra_attr.os")).isEqualTo("linux");
        assertThat(p.storageUsage(registryId)).isEqualTo(image.size());

        // a second pull by tag only asks whether the tag moved (HEAD); by digest it does not ask at all
        p.clearJournal();
        pull("hub/hello:1.0", tmp.resolve("out2")).ok();
        assertThat(p.upstreamCalls("upstreamManifestHead")).hasSize(1);
        assertThat(p.upstreamCalls("upstreamManifestGet")).isEmpty();
        assertThat(p.upstreamCalls("upstreamBlobGet")).isEmpty();
        p.clearJournal();
        pull("hub/hello@" + image.digest(), tmp.resolve("out3")).ok();
        assertThat(p.upstreamCalls("upstreamManifestHead")).isEmpty();
        assertThat(p.upstreamCalls("upstreamManifestGet")).isEmpty();

        // the upstream goes away: the cached copy is still served, by tag too
        upstream.stop();
        p.clearJournal();
        Path offline = tmp.resolve("out4");
        pull("hub/hello:1.0", offline).ok();
        assertThat(pulledDigest(offline)).isEqualTo(image.digest());
        assertThat(p.upstreamCalls("upstreamManifestHead"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("status")).isEqualTo(0));

        // something it never cached gives a clear error naming the upstream
        Cli.Result missing = pull("hub/other:1.0", tmp.resolve("out5"));
        assertThat(missing.exit()).as(missing.output()).isNotZero();
        assertThat(missing.output()).contains("cannot be reached");
    }

    @Test
    void aMovedTagIsFetchedAgainAndTheOldImageStaysByDigest() throws Exception {
        TestImage v1 = TestImage.build(tmp.resolve("v1"), "latest", "version one\n");
        TestImage v2 = TestImage.build(tmp.resolve("v2"), "latest", "version two\n");
        ProxyCacheFixture.pushAnonymous(v1, upstream.host() + "/team/app:latest");
        Path first = tmp.resolve("first");
        pull("hub/team/app:latest", first).ok();
        assertThat(pulledDigest(first)).isEqualTo(v1.digest());

        ProxyCacheFixture.pushAnonymous(v2, upstream.host() + "/team/app:latest");
        Path second = tmp.resolve("second");
        pull("hub/team/app:latest", second).ok();
        assertThat(pulledDigest(second)).isEqualTo(v2.digest());
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(2);

        assertThat(p.image(registryId, "team/app", "latest").getString("digest"))
                .isEqualTo(v2.digest());
        assertThat(p.image(registryId, "team/app", v1.digest()).getList("tags")).isEmpty();
        assertThat(p.storageUsage(registryId)).isGreaterThan(v2.size());
    }

    @Test
    void twoConcurrentSkopeoPullsOfAMissingImageFetchItFromTheUpstreamOnce() throws Exception {
        TestImage image = TestImage.build(tmp.resolve("img"), "2", "pulled twice at once\n");
        ProxyCacheFixture.pushAnonymous(image, upstream.host() + "/team/both:2");
        // a slower upstream widens the window in which the two pulls overlap
        f.control()
                .body(io.mcremulator.client.FaultSpec.upstream().delayMs(300).toJson())
                .post("/_emulator/faults")
                .then()
                .statusCode(201);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> pull("hub/team/both:2", tmp.resolve("a")));
            var b = pool.submit(() -> pull("hub/team/both:2", tmp.resolve("b")));
            a.get().ok();
            b.get().ok();
        } finally {
            pool.shutdownNow();
        }
        assertThat(pulledDigest(tmp.resolve("a"))).isEqualTo(image.digest());
        assertThat(pulledDigest(tmp.resolve("b"))).isEqualTo(image.digest());
        assertThat(p.upstreamCalls("upstreamManifestGet")).hasSize(1);
        assertThat(p.blobFetches(image.config())).isEqualTo(1);
        assertThat(p.blobFetches(image.layer())).isEqualTo(1);
    }

    @Test
    void pushingToAProxyCacheRegistryIsRefusedWithTheReason() throws Exception {
        TestImage image = TestImage.build(tmp.resolve("img"), "1", "push me\n");
        Cli.Result push = skopeo(
                "copy",
                "--dest-creds",
                creds,
                "--dest-tls-verify=false",
                image.source(),
                "docker://" + host + "/hub/mine:1");
        assertThat(push.exit()).as(push.output()).isNotZero();
        assertThat(push.output()).contains("proxy cache");
        f.v2().post("/v2/hub/mine/blobs/uploads/")
                .then()
                .statusCode(403)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("DENIED"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("is a proxy cache"));
        assertThat(p.repositories(registryId).getList("results")).isEmpty();
    }
}
