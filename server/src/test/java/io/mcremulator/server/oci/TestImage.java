package io.mcremulator.server.oci;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-layer linux/amd64 image as an OCI layout on disk (built with tar; no base image can be pulled), for skopeo to
 * copy into a registry: {@code oci:<layout>:<tag>}.
 *
 * @param layout   the layout folder
 * @param tag      the tag the layout's index names
 * @param digest   the manifest's digest
 * @param config   the config blob's digest
 * @param layer    the layer blob's digest
 * @param size     manifest + config + layer bytes (the management API's {@code size_bytes})
 */
record TestImage(Path layout, String tag, String digest, String config, String layer, long size) {

    /** Builds an image whose single file holds {@code text}, under {@code dir}. */
    static TestImage build(Path dir, String tag, String text) throws Exception {
        Path layout = dir.resolve("layout");
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        Path content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("hello.txt"), text);
        Path gz = dir.resolve("layer.tar.gz");
        Path tar = dir.resolve("layer.tar");
        Cli.run(List.of("tar", "-czf", gz.toString(), "-C", content.toString(), "hello.txt"), null, null, 30)
                .ok();
        Cli.run(List.of("tar", "-cf", tar.toString(), "-C", content.toString(), "hello.txt"), null, null, 30)
                .ok();
        byte[] layer = Files.readAllBytes(gz);
        String layerDigest = write(blobs, layer);
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2025-01-01T00:00:00Z\","
                + "\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + OciFixture.sha256(Files.readAllBytes(tar)) + "\"]}}";
        String configDigest = write(blobs, config.getBytes(StandardCharsets.UTF_8));
        String manifest = OciFixture.manifest(configDigest, config.length(), layerDigest, layer.length);
        String manifestDigest = write(blobs, manifest.getBytes(StandardCharsets.UTF_8));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(
                layout.resolve("index.json"),
                "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length()
                        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
        return new TestImage(
                layout,
                tag,
                manifestDigest,
                configDigest,
                layerDigest,
                manifest.length() + config.length() + (long) layer.length);
    }

    /** skopeo's source reference for this image. */
    String source() {
        return "oci:" + layout + ":" + tag;
    }

    private static String write(Path blobs, byte[] bytes) throws Exception {
        String digest = OciFixture.sha256(bytes);
        Files.write(blobs.resolve(digest.substring(7)), bytes);
        return digest;
    }
}
