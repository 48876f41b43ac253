package io.mcremulator.server.oci;

import static io.mcremulator.server.oci.ProxyCacheFixture.skopeo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.proxy.ProxySettings;
import io.mcremulator.testsupport.External;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An authenticated upstream: a second emulator, which asks for a Bearer token (Harbor-style, its default) or for
 * Basic credentials. The proxy cache carries that emulator's docker credentials as {@code access_key} /
 * {@code access_secret}; skopeo pulls through the first. Status probes run against the network here.
 */
class ProxyCacheAuthTest {
    @TempDir
    Path tmp;

    OciFixture upstream;
    OciFixture f;
    ProxyCacheFixture p;

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (upstream != null) upstream.close();
    }

    @ParameterizedTest
    @EnumSource(OciSettings.Challenge.class)
    void pullsWithTheCachesCredentialsThroughTheUpstreamsAuthFlow(OciSettings.Challenge challenge) throws Exception {
        External.requireCommand("skopeo", List.of("skopeo", "--version"));
        upstream = new OciFixture(
                McrEmulatorServer.builder().oci(OciSettings.defaults().withChallenge(challenge)));
        upstream.createRegistry("up");
        TestImage image = TestImage.build(tmp.resolve("img"), "1", "behind auth (" + challenge + ")\n");
        ProxyCacheFixture.push(
                image, upstream.server.registryHost() + "/up/app:1", upstream.username + ":" + upstream.password);

        f = new OciFixture(
                McrEmulatorServer.builder().proxy(ProxySettings.defaults().withProbe(ProxySettings.Probe.NETWORK)));
        p = new ProxyCacheFixture(f);
        // a loopback upstream may be plain HTTP without any mapping
        String cacheId = p.createCache("gcr", "google-gcr", upstream.base(), upstream.username, upstream.password);
        String registryId = p.createProxyRegistry("gcr", cacheId);

        Path out = tmp.resolve("out");
        pull("gcr/up/app:1", out).ok();
        assertThat(JsonPath.from(out.resolve("index.json").toFile()).getString("manifests[0].digest"))
                .isEqualTo(image.digest());
        assertThat(p.image(registryId, "up/app", "1").getString("digest")).isEqualTo(image.digest());
        List<Map<String, Object>> tokens = p.upstreamCalls("upstreamToken");
        if (challenge == OciSettings.Challenge.BEARER) {
            assertThat(tokens)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.get("status")).isEqualTo(200));
            assertThat(String.valueOf(tokens.get(0).get("query"))).contains("scope=repository%3Aup%2Fapp%3Apull");
        } else {
            assertThat(tokens).isEmpty();
        }

        // the status operations really contact the upstream
        status(cacheId).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("connected"));
        credentials(upstream.username, upstream.password)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("valid"));
        credentials(upstream.username, "wrong-secret")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("invalid"));

        // wrong credentials: what is cached is still served; anything else is refused with the reason
        f.mgmt()
                .body(Map.of("access_secret", "wrong-secret"))
                .patch("/v0/proxy-caches/" + cacheId)
                .then()
                .statusCode(200);
        ProxyCacheFixture.push(
                image, upstream.server.registryHost() + "/up/app:2", upstream.username + ":" + upstream.password);
        pull("gcr/up/app@" + image.digest(), tmp.resolve("cached")).ok();
        Cli.Result refused = pull("gcr/up/app:2", tmp.resolve("refused"));
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("denied").contains("access_key");
        status(cacheId).then().body("status", org.hamcrest.Matchers.equalTo("unreachable"));

        // an upstream that is gone
        upstream.close();
        upstream = null;
        status(cacheId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("unreachable"))
                .body("message", org.hamcrest.Matchers.containsString("cannot be reached"));
    }

    private io.restassured.response.Response status(String cacheId) {
        return f.mgmt().get("/v0/proxy-caches/" + cacheId + "/status");
    }

    private io.restassured.response.Response credentials(String key, String secret) {
        return f.mgmt()
                .body(Map.of(
                        "provider", "google-gcr", "url", upstream.base(), "access_key", key, "access_secret", secret))
                .post("/v0/proxy-caches/status");
    }

    private Cli.Result pull(String reference, Path into) {
        return skopeo(
                "copy",
                "--src-creds",
                f.username + ":" + f.password,
                "--src-tls-verify=false",
                "docker://" + f.server.registryHost() + "/" + reference,
                "oci:" + into + ":pulled");
    }
}
