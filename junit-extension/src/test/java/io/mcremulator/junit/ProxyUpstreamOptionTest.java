package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.mcremulator.client.DockerCredentials;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code proxyUpstream} and {@code proxyCacheProbe} options: a {@code docker-hub} proxy cache created as in
 * production pulls from a small local upstream (a JDK HTTP server holding one image), and its status is probed over
 * the network.
 */
class ProxyUpstreamOptionTest {
    static final byte[] CONFIG =
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);
    static final byte[] LAYER = "not really a tarball".getBytes(StandardCharsets.UTF_8);
    static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + sha256(CONFIG)
            + "\",\"size\":" + CONFIG.length + "},\"layers\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + sha256(LAYER) + "\",\"size\":"
            + LAYER.length + "}]}";
    static final AtomicInteger MANIFEST_GETS = new AtomicInteger();
    static final HttpServer UPSTREAM = upstream();

    @RegisterExtension
    static McrEmulatorExtension emulator = McrEmulatorExtension.builder()
            .option(
                    "proxyUpstream",
                    "docker-hub=http://127.0.0.1:" + UPSTREAM.getAddress().getPort())
            .option("proxyCacheProbe", "network")
            .build();

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop(0);
    }

    @Test
    void aDockerHubCachePullsFromTheMappedLocalUpstream(McrEmulator mcr) {
        String cache = given().header("Authorization", mcr.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + mcr.uniqueName("hub") + "\",\"provider\":\"docker-hub\","
                        + "\"url\":\"https://hub.docker.com\"}")
                .post(mcr.managementUrl() + "/v0/proxy-caches")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String registry = mcr.uniqueName("hub");
        given().header("Authorization", mcr.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + registry + "\",\"proxy_cache_id\":\"" + cache + "\"}")
                .post(mcr.managementUrl() + "/v0/registries")
                .then()
                .statusCode(201);
        given().header("Authorization", mcr.authorizationHeader())
                .get(mcr.managementUrl() + "/v0/proxy-caches/" + cache + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("connected"));

        DockerCredentials docker = mcr.dockerCredentials();
        byte[] pulled = given().auth()
                .preemptive()
                .basic(docker.username(), docker.password())
                .accept("application/vnd.oci.image.manifest.v1+json")
                .get(mcr.baseUrl() + "/v2/" + registry + "/alpine/manifests/3")
                .then()
                .statusCode(200)
                .header("Docker-Content-Digest", sha256(MANIFEST.getBytes(StandardCharsets.UTF_8)))
                .extract()
                .asByteArray();
        assertThat(new String(pulled, StandardCharsets.UTF_8)).isEqualTo(MANIFEST);
        byte[] layer = given().auth()
                .preemptive()
                .basic(docker.username(), docker.password())
                .get(mcr.baseUrl() + "/v2/" + registry + "/alpine/blobs/" + sha256(LAYER))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(layer).isEqualTo(LAYER);
        assertThat(MANIFEST_GETS.get()).isEqualTo(1);
        // the journal records the upstream calls with the pulling tenant: "pulled from the upstream once"
        mcr.verify("upstreamManifestGet").calledOnce();
        mcr.verify("upstreamBlobGet").calledTimes(1);
    }

    /** Serves library/alpine:3 (anonymous, plain HTTP) as a registry would. */
    private static HttpServer upstream() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/v2/", x -> {
                String path = x.getRequestURI().getPath();
                byte[] body;
                String type = "application/octet-stream";
                if (path.equals("/v2/")) {
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                    type = "application/json";
                } else if (path.equals("/v2/library/alpine/manifests/3")) {
                    if (x.getRequestMethod().equals("GET")) MANIFEST_GETS.incrementAndGet();
                    body = MANIFEST.getBytes(StandardCharsets.UTF_8);
                    type = "application/vnd.oci.image.manifest.v1+json";
                    x.getResponseHeaders().add("Docker-Content-Digest", sha256(body));
                } else if (path.equals("/v2/library/alpine/blobs/" + sha256(CONFIG))) {
                    body = CONFIG;
                } else if (path.equals("/v2/library/alpine/blobs/" + sha256(LAYER))) {
                    body = LAYER;
                } else {
                    x.sendResponseHeaders(404, -1);
                    x.close();
                    return;
                }
                x.getResponseHeaders().add("Content-Type", type);
                boolean head = x.getRequestMethod().equals("HEAD");
                x.sendResponseHeaders(200, head ? -1 : body.length);
                if (!head) x.getResponseBody().write(body);
                x.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
