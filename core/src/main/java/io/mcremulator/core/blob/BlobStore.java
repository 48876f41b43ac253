package io.mcremulator.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content-addressed blobs of one region: digest to bytes, in memory or in files under a folder. Which
 * repository may see a blob is decided by the engine's links, not here. Every stored byte counts against the
 * shared {@link StorageQuota}.
 */
public final class BlobStore {
    private final Map<String, BlobData> blobs = new ConcurrentHashMap<>();
    private final Path folder; // null: memory
    private final StorageQuota quota;

    /** @param folder where blob files go (a fresh sub-folder is made), or null to keep blobs in memory */
    public BlobStore(Path folder, String regionId, StorageQuota quota) {
        this.quota = quota;
        try {
            this.folder = folder == null
                    ? null
                    : Files.createTempDirectory(Files.createDirectories(folder), "mcr-" + regionId + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder under " + folder, e);
        }
    }

    public StorageQuota quota() {
        return quota;
    }

    public boolean has(String digest) {
        return blobs.containsKey(digest);
    }

    /** True when no blob is stored (then there is nothing to collect). */
    public boolean isEmpty() {
        return blobs.isEmpty();
    }

    /** Size of a stored blob, or -1. */
    public long size(String digest) {
        BlobData d = blobs.get(digest);
        return d == null ? -1 : d.size();
    }

    /** Stream over part of a stored blob; the caller checked it exists. */
    public InputStream open(String digest, long offset, long length) throws IOException {
        BlobData d = blobs.get(digest);
        if (d == null) throw new IOException("blob " + digest + " was deleted");
        return d.open(offset, length);
    }

    /** A sealed blob file holding {@code bytes}. */
    private BlobData fileWith(byte[] bytes) {
        BlobData d = newBuffer();
        try {
            d.append(bytes, 0, bytes.length);
        } catch (IOException e) {
            d.discard();
            throw new UncheckedIOException(e);
        }
        d.seal();
        return d;
    }

    /** A new, empty buffer for an upload. */
    BlobData newBuffer() {
        return folder == null ? new MemoryBlobData() : new FileBlobData(folder.resolve("upload-" + UUID.randomUUID()));
    }

    /** Stores an upload's bytes under its digest; if the blob is already there, the duplicate bytes are freed. */
    public void adopt(String digest, UploadSession session) {
        BlobData data = session.detachData();
        data.seal();
        if (blobs.putIfAbsent(digest, data) != null) {
            quota.release(data.size());
            data.discard();
        }
    }

    /** Stores small content made by the engine itself (seeded images); ignores the cap. */
    public void putGenerated(String digest, byte[] bytes) {
        if (blobs.containsKey(digest)) return;
        BlobData d = folder == null ? new FixedBlobData(bytes) : fileWith(bytes);
        quota.force(bytes.length);
        if (blobs.putIfAbsent(digest, d) != null) {
            quota.release(bytes.length);
            d.discard();
        }
    }

    public Set<String> digests() {
        return Set.copyOf(blobs.keySet());
    }

    /** Frees one blob. */
    public void delete(String digest) {
        BlobData d = blobs.remove(digest);
        if (d != null) {
            quota.release(d.size());
            d.discard();
        }
    }

    /** Frees every blob not in {@code live}; returns how many bytes were freed. */
    public long retainOnly(Set<String> live) {
        long freed = 0;
        for (String digest : digests()) {
            if (!live.contains(digest)) {
                freed += Math.max(0, size(digest));
                delete(digest);
            }
        }
        return freed;
    }

    public long storedBytes() {
        long sum = 0;
        for (BlobData d : blobs.values()) sum += d.size();
        return sum;
    }

    public void clear() {
        retainOnly(Set.of());
    }

    /** A copy of every stored blob's bytes, for an in-memory checkpoint of the state. */
    public Map<String, byte[]> copyContent() {
        Map<String, byte[]> out = new java.util.HashMap<>();
        for (Map.Entry<String, BlobData> e : blobs.entrySet()) {
            try (InputStream in = e.getValue().open(0, e.getValue().size())) {
                out.put(e.getKey(), in.readAllBytes());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read blob " + e.getKey() + " for a checkpoint", ex);
            }
        }
        return out;
    }

    /** Makes the store hold exactly {@code content} (a {@link #copyContent()}); bytes are copied, the cap is not checked. */
    public void replaceContent(Map<String, byte[]> content) {
        retainOnly(content.keySet());
        content.forEach(this::putGenerated);
    }
}
