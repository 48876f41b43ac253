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
 * <p>
 * In a data dir ({@link #persistent}, {@code --data-dir}) blobs survive a restart: a finished upload is synced and
 * renamed to {@code blobs/<region>/sha256-<hex>} (so a file of that name is always whole), the folder is synced
 * before any state that refers to the blob is saved ({@link #syncFolder()}), and a deleted blob's file is removed
 * only once no saved state may still refer to it ({@link #removeFilesExcept}).
 */
public final class BlobStore {
    private static final String PREFIX = "sha256-";
    private final Map<String, BlobData> blobs = new ConcurrentHashMap<>();
    private final Path folder; // where uploads go; null: memory
    private final Path blobFolder; // data dir: where finished blobs are kept; null otherwise
    private final StorageQuota quota;
    private final java.util.concurrent.atomic.AtomicBoolean folderChanged =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Guards naming a blob file against removing it (adopt and {@link #removeFilesExcept}). */
    private final Object files = new Object();

    private BlobStore(Path uploads, Path blobFolder, StorageQuota quota) {
        this.folder = uploads;
        this.blobFolder = blobFolder;
        this.quota = quota;
    }

    /**
     * The blobs of region {@code regionId} kept under {@code dataDir}: the finished blob files found there are
     * stored blobs again (counted against the quota), leftover uploads of an earlier run are deleted.
     */
    public static BlobStore persistent(Path dataDir, String regionId, StorageQuota quota) {
        Path blobs = dataDir.resolve("blobs").resolve(regionId);
        Path uploads = dataDir.resolve("uploads").resolve(regionId);
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(uploads);
            try (var old = Files.list(uploads)) {
                for (Path p : (Iterable<Path>) old::iterator) Files.deleteIfExists(p);
            }
            BlobStore store = new BlobStore(uploads, blobs, quota);
            try (var found = Files.list(blobs)) {
                for (Path p : (Iterable<Path>) found::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(PREFIX) || !Files.isRegularFile(p)) continue;
                    String digest = "sha256:" + name.substring(PREFIX.length());
                    long size = Files.size(p);
                    quota.force(size);
                    store.blobs.put(digest, FileBlobData.existing(p, size));
                }
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob folder " + blobs, e);
        }
    }

    /** @param folder where blob files go (a fresh sub-folder is made), or null to keep blobs in memory */
    public BlobStore(Path folder, String regionId, StorageQuota quota) {
        this.quota = quota;
        this.blobFolder = null;
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

    /** True when blobs are kept in a data dir and survive a restart. */
    public boolean isPersistent() {
        return blobFolder != null;
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

    /**
     * Data dir only: forces an upload's bytes to the disk, so that {@link #adopt} (under the region's lock) only has
     * to rename the file. Call it before taking the lock.
     */
    public void prepareAdopt(UploadSession session) {
        if (blobFolder == null) return;
        try {
            session.force();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync upload " + session.id() + " to the disk", e);
        }
    }

    /** Stores {@code data} under {@code digest}; in a data dir its file is synced and renamed first. */
    private boolean store(String digest, BlobData data) {
        if (blobFolder == null) return blobs.putIfAbsent(digest, data) == null;
        synchronized (files) {
            if (blobs.containsKey(digest)) return false;
            try {
                ((FileBlobData) data).moveTo(blobFolder.resolve(PREFIX + digest.substring("sha256:".length())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep blob " + digest + " in " + blobFolder, e);
            }
            folderChanged.set(true);
            blobs.put(digest, data);
            return true;
        }
    }

    /** Data dir only: syncs the blob folder if blob files were named since the last call (before saving state). */
    public void syncFolder() throws IOException {
        if (blobFolder == null || !folderChanged.getAndSet(false)) return;
        try (java.nio.channels.FileChannel dir =
                java.nio.channels.FileChannel.open(blobFolder, java.nio.file.StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            folderChanged.set(true);
            throw e;
        }
    }

    /**
     * Data dir only: removes the files of blobs that are neither stored now nor in {@code keep} (blobs a saved
     * state may still refer to); returns how many were removed.
     */
    public int removeFilesExcept(Set<String> keep) throws IOException {
        if (blobFolder == null) return 0;
        int removed = 0;
        synchronized (files) {
            try (var found = Files.list(blobFolder)) {
                for (Path p : (Iterable<Path>) found::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith(PREFIX)) continue;
                    String digest = "sha256:" + name.substring(PREFIX.length());
                    if (blobs.containsKey(digest) || keep.contains(digest)) continue;
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** A new, empty buffer for an upload. */
    BlobData newBuffer() {
        return folder == null ? new MemoryBlobData() : new FileBlobData(folder.resolve("upload-" + UUID.randomUUID()));
    }

    /** Stores an upload's bytes under its digest; if the blob is already there, the duplicate bytes are freed. */
    public void adopt(String digest, UploadSession session) {
        BlobData data = session.detachData();
        data.seal();
        boolean stored;
        try {
            stored = store(digest, data);
        } catch (RuntimeException e) {
            quota.release(data.size());
            data.discard();
            throw e;
        }
        if (!stored) {
            quota.release(data.size());
            data.discard();
        }
    }

    /** Stores small content made by the engine itself (seeded images); ignores the cap. */
    public void putGenerated(String digest, byte[] bytes) {
        if (blobs.containsKey(digest)) return;
        BlobData d = folder == null ? new FixedBlobData(bytes) : fileWith(bytes);
        quota.force(bytes.length);
        boolean stored;
        try {
            stored = store(digest, d);
        } catch (RuntimeException e) {
            quota.release(bytes.length);
            d.discard();
            throw e;
        }
        if (!stored) {
            quota.release(bytes.length);
            d.discard();
        }
    }

    public Set<String> digests() {
        return Set.copyOf(blobs.keySet());
    }

    /** Frees one blob (in a data dir, its file stays until {@link #removeFilesExcept} finds it unused). */
    public void delete(String digest) {
        BlobData d = blobs.remove(digest);
        if (d != null) {
            quota.release(d.size());
            if (blobFolder == null) d.discard();
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
