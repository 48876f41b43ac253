package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cap on bytes the emulator keeps for blobs (stored blobs and uploads in progress), shared by all regions.
 * Reaching it fails the write with a clear error; nothing is half-stored.
 */
public final class StorageQuota {
    private final long maxBytes;
    private final AtomicLong used = new AtomicLong();

    public StorageQuota(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long usedBytes() {
        return used.get();
    }

    /** Claims {@code n} bytes or throws {@code OCI_STORAGE_FULL}. */
    void reserve(long n) {
        long after = used.addAndGet(n);
        if (after > maxBytes) {
            used.addAndGet(-n);
            throw new EmulatorException(
                    ErrorCode.OCI_STORAGE_FULL,
                    "the emulator's blob storage cap of " + maxBytes
                            + " bytes is reached (" + (after - n)
                            + " bytes in use): raise it (EmulatorConfig.blobStorage maxStoredBytes,"
                            + " --max-stored-bytes / MCR_MAX_STORED_BYTES) or delete images",
                    Map.of("max_stored_bytes", maxBytes));
        }
    }

    /** Claims bytes without checking the cap (seeded images). */
    void force(long n) {
        used.addAndGet(n);
    }

    void release(long n) {
        used.addAndGet(-n);
    }
}
