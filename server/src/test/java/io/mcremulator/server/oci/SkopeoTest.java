package io.mcremulator.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.testsupport.External;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo against the emulator: copy an OCI layout in and out, copy between repositories (mount), list-tags, inspect, delete. */
class SkopeoTest {
    @TempDir
    Path tmp;

    OciFixture f;
    String creds;
    String host;

    @BeforeEach
    void start() {
        External.requireCommand("skopeo", List.of("skopeo", "--version"));
        f = new OciFixture();
        creds = f.username + ":" + f.password;
        host = f.server.registryHost();
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
    }

    private Cli.Result skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, null, null, 120);
    }

    @Test
    void copyInAndOutListTagsInspectAndDelete() throws Exception {
        String registryId = f.createRegistry("skoreg");
        Path layout = ociLayout(tmp.resolve("in"));
        String manifestDigest =
                JsonPath.from(layout.resolve("index.json").toFile()).getString("manifests[0].digest");

        skopeo(
                        "copy",
                        "--dest-creds",
                        creds,
                        "--dest-tls-verify=false",
                        "oci:" + layout + ":v1",
                        "docker://" + host + "/skoreg/app:v1")
                .ok();
        String tags = skopeo("list-tags", "--creds", creds, "--tls-verify=false", "docker://" + host + "/skoreg/app")
                .ok()
                .output();
        assertThat(JsonPath.from(tags).getList("Tags")).containsExactly("v1");
        String inspect = skopeo(
                        "inspect", "--creds", creds, "--tls-verify=false", "docker://" + host + "/skoreg/app:v1")
                .ok()
                .output();
        JsonPath info = JsonPath.from(inspect);
        assertThat(info.getString("Digest")).isEqualTo(manifestDigest);
        assertThat(info.getString("Os")).isEqualTo("linux");
        assertThat(info.getString("Architecture")).isEqualTo("amd64");

        // registry to registry: skopeo mounts the blobs it has seen in skoreg/app
        skopeo(
                        "copy",
                        "--src-creds",
                        creds,
                        "--src-tls-verify=false",
                        "--dest-creds",
                        creds,
                        "--dest-tls-verify=false",
                        "docker://" + host + "/skoreg/app:v1",
                        "docker://" + host + "/skoreg/mirror:copied")
                .ok();

        Path out = tmp.resolve("out");
        skopeo(
                        "copy",
                        "--src-creds",
                        creds,
                        "--src-tls-verify=false",
                        "docker://" + host + "/skoreg/mirror:copied",
                        "oci:" + out + ":back")
                .ok();
        String outDigest = JsonPath.from(out.resolve("index.json").toFile()).getString("manifests[0].digest");
        assertThat(outDigest).isEqualTo(manifestDigest);
        assertThat(Files.readAllBytes(out.resolve("blobs/sha256/" + outDigest.substring(7))))
                .isEqualTo(Files.readAllBytes(layout.resolve("blobs/sha256/" + manifestDigest.substring(7))));

        skopeo("delete", "--creds", creds, "--tls-verify=false", "docker://" + host + "/skoreg/app:v1")
                .ok();
        Cli.Result gone =
                skopeo("inspect", "--creds", creds, "--tls-verify=false", "docker://" + host + "/skoreg/app:v1");
        assertThat(gone.exit()).as(gone.output()).isNotZero();
        JsonPath repos = f.mgmt()
                .get("/v1/registries/" + registryId + "/repositories?_sort=name:asc")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(repos.getList("results.name")).containsExactly("app", "mirror");
        assertThat(repos.getList("results.image_count", Integer.class)).containsExactly(0, 1);
    }

    /** A one-layer linux/amd64 OCI image layout, built with the tar tool (no base image can be pulled). */
    private Path ociLayout(Path dir) throws Exception {
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        Files.writeString(content.resolve("hello.txt"), "hello skopeo\n");
        Path layer = tmp.resolve("layer.tar.gz");
        Cli.run(List.of("tar", "-czf", layer.toString(), "-C", content.toString(), "hello.txt"), null, null, 30)
                .ok();
        Path tar = tmp.resolve("layer.tar");
        Cli.run(List.of("tar", "-cf", tar.toString(), "-C", content.toString(), "hello.txt"), null, null, 30)
                .ok();
        String layerDigest = write(blobs, Files.readAllBytes(layer));
        String config =
                "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2025-01-01T00:00:00Z\",\"config\":{},"
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                        + OciFixture.sha256(Files.readAllBytes(tar)) + "\"]}}";
        String configDigest = write(blobs, config.getBytes(StandardCharsets.UTF_8));
        String manifest = OciFixture.manifest(configDigest, config.length(), layerDigest, Files.size(layer));
        String manifestDigest = write(blobs, manifest.getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(
                dir.resolve("index.json"),
                "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length()
                        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
        return dir;
    }

    private static String write(Path blobs, byte[] bytes) throws Exception {
        String digest = OciFixture.sha256(bytes);
        Files.write(blobs.resolve(digest.substring(7)), bytes);
        return digest;
    }
}
