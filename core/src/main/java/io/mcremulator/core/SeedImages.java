package io.mcremulator.core;

import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a small, real OCI image for a seeded image without a digest: one gzip layer holding
 * {@code /mcr-emulator-seed.txt}, a linux/amd64 config and an OCI manifest. Deterministic: the same seed entry
 * always gives the same digest, so tests may compute it once.
 */
final class SeedImages {
    record Built(String digest, byte[] manifest, String configDigest, byte[] config, String layerDigest, byte[] layer) {
        long sizeBytes() {
            return manifest.length + config.length + layer.length;
        }
    }

    private SeedImages() {}

    static Built build(String registry, String repository, int index, Instant created) {
        String text = "seeded by mcr-emulator: " + registry + "/" + repository + " image #" + index + "\n";
        byte[] tar = tar("mcr-emulator-seed.txt", text.getBytes(StandardCharsets.UTF_8));
        byte[] layer = gzip(tar);
        String layerDigest = Digests.sha256(layer);
        String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"" + created + "\","
                + "\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digests.sha256(tar) + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configDigest = Digests.sha256(configBytes);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configBytes.length + "},"
                + "\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layer.length + "}]}";
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        return new Built(Digests.sha256(manifestBytes), manifestBytes, configDigest, configBytes, layerDigest, layer);
    }

    /** Stores the blobs, links them into the repository and fills the image from the built content. */
    static void install(RegionState s, RegistryEntity reg, String repository, ImageEntity img, Built b) {
        s.blobs.putGenerated(b.configDigest(), b.config());
        s.blobs.putGenerated(b.layerDigest(), b.layer());
        reg.links(repository).add(b.configDigest());
        reg.links(repository).add(b.layerDigest());
        Map<String, Long> refs = new LinkedHashMap<>();
        refs.put(b.configDigest(), (long) b.config().length);
        refs.put(b.layerDigest(), (long) b.layer().length);
        img.describe(b.manifest(), ManifestParser.parse(b.manifest(), MediaTypes.OCI_MANIFEST), refs);
        img.extraAttr = new LinkedHashMap<>(ManifestParser.configAttributes(b.config()));
    }

    /** A one-file ustar archive. */
    private static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) header[i] = ' ';
        long sum = 0;
        for (byte x : header) sum += x & 0xff;
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    private static void put(byte[] buf, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, buf, at, b.length);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
