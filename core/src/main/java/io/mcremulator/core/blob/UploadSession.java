package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One blob upload in progress: bytes received so far and their sha256, computed while streaming. A sha512 digest
 * (rare: no common client sends one) is computed over the received bytes when the upload is closed with one,
 * as distribution does; hashing every byte twice cost push throughput (docs/benchmarks.md).
 * An append either lands whole or not at all: on a broken stream, a size mismatch or a full store it is rolled
 * back, so the session stays as it was before the request.
 */
public final class UploadSession {
    private final String id;
    private final String name;
    private final Instant createdAt;
    private final StorageQuota quota;
    private BlobData data;
    private MessageDigest sha256 = Digests.newSha256();
    private volatile Instant touchedAt;
    private volatile boolean busy;

    UploadSession(String id, String name, BlobData data, StorageQuota quota, Instant now) {
        this.id = id;
        this.name = name;
        this.data = data;
        this.quota = quota;
        this.createdAt = now;
        this.touchedAt = now;
    }

    public String id() {
        return id;
    }

    /** The OCI repository name the upload was started in. */
    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    Instant touchedAt() {
        return touchedAt;
    }

    boolean busy() {
        return busy;
    }

    /** Bytes received so far. */
    public synchronized long size() {
        return data == null ? 0 : data.size();
    }

    /**
     * Appends a body. {@code start}/{@code end} come from {@code Content-Range} (inclusive; null when absent);
     * {@code declaredLength} from {@code Content-Length} (-1 when absent, as with chunked bodies).
     *
     * @return the new size
     */
    public synchronized long append(InputStream in, Long start, Long end, long declaredLength, Instant now) {
        requireOpen();
        long before = data.size();
        if (start != null && start != before) {
            throw rangeError("chunk starts at byte " + start + " but " + before + " bytes were received: send the chunk"
                    + " that starts at " + before);
        }
        if (start != null && end != null && end < start)
            throw rangeError("Content-Range end " + end + " is before its start " + start);
        MessageDigest s256 = cloneOf(sha256);
        busy = true;
        try {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n == 0) continue;
                quota.reserve(n);
                try {
                    data.append(buf, 0, n);
                } catch (IOException | RuntimeException e) {
                    quota.release(n);
                    throw e;
                }
                sha256.update(buf, 0, n);
            }
            long received = data.size() - before;
            if (declaredLength >= 0 && received != declaredLength) {
                throw new EmulatorException(
                        ErrorCode.SIZE_INVALID,
                        "Content-Length says " + declaredLength + " bytes but the body had " + received,
                        Map.of("content_length", declaredLength, "received", received));
            }
            if (start != null && end != null && received != end - start + 1) {
                throw rangeError("Content-Range " + start + "-" + end + " announces " + (end - start + 1)
                        + " bytes but the body had " + received);
            }
            touchedAt = now;
            return data.size();
        } catch (IOException e) {
            rollback(before, s256);
            throw new UncheckedIOException(
                    "upload " + id + " interrupted; the session is back at " + before + " bytes", e);
        } catch (RuntimeException e) {
            rollback(before, s256);
            throw e;
        } finally {
            busy = false;
        }
    }

    /** The digest of everything received, in the algorithm of {@code like}. */
    public synchronized String digestLike(String like) {
        requireOpen();
        if (!like.startsWith("sha512:"))
            return "sha256:" + HexFormat.of().formatHex(cloneOf(sha256).digest());
        MessageDigest sha512 = Digests.newSha512();
        try (InputStream in = data.open(0, data.size())) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) sha512.update(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload " + id + " to digest it", e);
        }
        return "sha512:" + HexFormat.of().formatHex(sha512.digest());
    }

    /** Forces the bytes received so far to the disk (before a data-dir store adopts them, outside its lock). */
    synchronized void force() throws IOException {
        if (data != null) data.force();
    }

    /** Hands the bytes over to the store; the session is empty afterwards. */
    synchronized BlobData detachData() {
        requireOpen();
        BlobData d = data;
        data = null;
        return d;
    }

    /** Frees the bytes and their quota. Idempotent. */
    synchronized void discard() {
        if (data == null) return;
        quota.release(data.size());
        data.discard();
        data = null;
    }

    private void requireOpen() {
        if (data == null)
            throw new EmulatorException(
                    ErrorCode.BLOB_UPLOAD_UNKNOWN,
                    "upload " + id + " is already finished or cancelled",
                    Map.of("upload", id));
    }

    private void rollback(long size, MessageDigest s256) {
        long extra = data.size() - size;
        try {
            data.truncate(size);
            quota.release(extra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back upload " + id, e);
        }
        sha256 = s256;
    }

    private EmulatorException rangeError(String message) {
        long size = data.size();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("upload", id);
        d.put("range", size == 0 ? "0-0" : "0-" + (size - 1));
        return new EmulatorException(ErrorCode.OCI_RANGE_INVALID, message, d);
    }

    private static MessageDigest cloneOf(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA digests are cloneable", e);
        }
    }
}
