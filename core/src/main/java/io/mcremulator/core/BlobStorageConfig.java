package io.mcremulator.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how much the OCI data plane stores.
 *
 * @param folder           null keeps blobs in memory; a folder keeps them in files under it (large images)
 * @param maxStoredBytes   cap on blob bytes held (stored blobs and uploads in progress, all regions together)
 * @param uploadExpiry     an upload session idle for longer is dropped and its bytes freed
 * @param maxManifestBytes larger manifests get 413 (the OCI spec asks for at least 4 MB)
 */
public record BlobStorageConfig(Path folder, long maxStoredBytes, Duration uploadExpiry, int maxManifestBytes) {
    public BlobStorageConfig {
        if (maxStoredBytes < 0)
            throw new IllegalArgumentException("maxStoredBytes must be >= 0, got " + maxStoredBytes);
        if (uploadExpiry == null || uploadExpiry.isNegative() || uploadExpiry.isZero()) {
            throw new IllegalArgumentException("uploadExpiry must be positive, got " + uploadExpiry);
        }
        if (maxManifestBytes < 4 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "maxManifestBytes must be at least 4 MiB (OCI spec), got " + maxManifestBytes);
        }
    }

    /** Memory, 8 GiB cap, 1 hour expiry, 16 MiB manifests. */
    public static BlobStorageConfig defaults() {
        return new BlobStorageConfig(null, 8L * 1024 * 1024 * 1024, Duration.ofHours(1), 16 * 1024 * 1024);
    }

    public BlobStorageConfig withFolder(Path f) {
        return new BlobStorageConfig(f, maxStoredBytes, uploadExpiry, maxManifestBytes);
    }

    public BlobStorageConfig withMaxStoredBytes(long n) {
        return new BlobStorageConfig(folder, n, uploadExpiry, maxManifestBytes);
    }

    public BlobStorageConfig withUploadExpiry(Duration d) {
        return new BlobStorageConfig(folder, maxStoredBytes, d, maxManifestBytes);
    }
}
