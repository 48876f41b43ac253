package io.mcremulator.core;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.blob.Digests;
import io.mcremulator.core.blob.UploadSession;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.BlobStat;
import io.mcremulator.core.oci.OciName;
import io.mcremulator.core.oci.UploadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Blobs of the OCI data plane in one region: stat, read, delete, uploads (streamed, chunked, monolithic) and
 * cross-repository mounts. Request bodies are streamed without holding the region lock; only the final link
 * of a finished upload takes it.
 */
public final class OciBlobs {
    private final RegionState s;

    OciBlobs(RegionState s) {
        this.s = s;
    }

    public BlobStat stat(Principal p, String name, String digest) {
        OciName n = OciName.parse(name);
        Digests.require(digest);
        return s.read(() -> {
            RegistryEntity reg = OciAccess.forPull(s, p, n);
            long size = reg.linked(n.repository(), digest) ? s.blobs.size(digest) : -1;
            if (size < 0) throw unknown(digest);
            return new BlobStat(digest, size);
        });
    }

    /** Opens {@code length} bytes from {@code offset} of a blob the repository links. */
    public InputStream open(Principal p, String name, String digest, long offset, long length) throws IOException {
        stat(p, name, digest);
        return s.blobs.open(digest, offset, length);
    }

    /** Unlinks a blob from a repository; its bytes are freed when nothing else keeps them. */
    public void delete(Principal p, String name, String digest) {
        OciName n = OciName.parse(name);
        Digests.require(digest);
        s.writeRun(() -> {
            RegistryEntity reg = OciAccess.forPush(s, p, n);
            if (!reg.linked(n.repository(), digest)) throw unknown(digest);
            reg.links(n.repository()).remove(digest);
            BlobGc.collect(s, java.util.Set.of(digest));
        });
    }

    public UploadStatus startUpload(Principal p, String name) {
        OciName n = OciName.parse(name);
        s.read(() -> OciAccess.forPush(s, p, n));
        UploadSession u = s.uploads.start(n.full(), s.config.ids().uuid().toString());
        return new UploadStatus(u.id(), u.name(), 0);
    }

    /**
     * Links blob {@code digest} into {@code name} if {@code from} (or, when null, any repository) has it and the
     * caller may pull from there. Empty when it cannot be mounted: the caller then opens a normal upload.
     */
    public Optional<BlobStat> mount(Principal p, String name, String digest, String from) {
        OciName n = OciName.parse(name);
        if (!Digests.isValid(digest)) return Optional.empty();
        OciName source;
        try {
            source = from == null ? null : OciName.parse(from);
        } catch (EmulatorException e) {
            return Optional.empty();
        }
        return s.write(() -> {
            RegistryEntity target = OciAccess.forPush(s, p, n);
            if (!s.blobs.has(digest)) return Optional.<BlobStat>empty();
            boolean visible;
            if (source != null) {
                RegistryEntity src = s.registriesByName.get(source.registry());
                visible = src != null
                        && OciAccess.level(s, p, src) != OciAccess.Level.NONE
                        && src.linked(source.repository(), digest);
            } else {
                visible = s.registries.values().stream()
                        .anyMatch(r -> OciAccess.level(s, p, r) != OciAccess.Level.NONE
                                && r.blobLinks.values().stream().anyMatch(l -> l.contains(digest)));
            }
            if (!visible) return Optional.<BlobStat>empty();
            target.links(n.repository()).add(digest);
            return Optional.of(new BlobStat(digest, s.blobs.size(digest)));
        });
    }

    /** Appends a body to an upload; see {@link UploadSession#append}. */
    public UploadStatus append(
            Principal p, String name, String uploadId, InputStream body, Long start, Long end, long declaredLength) {
        UploadSession u = session(p, name, uploadId);
        long size = u.append(body, start, end, declaredLength, s.uploads.now());
        return new UploadStatus(u.id(), u.name(), size);
    }

    public UploadStatus status(Principal p, String name, String uploadId) {
        UploadSession u = session(p, name, uploadId);
        return new UploadStatus(u.id(), u.name(), u.size());
    }

    public void cancel(Principal p, String name, String uploadId) {
        s.uploads.remove(session(p, name, uploadId));
    }

    /**
     * Closes an upload: appends the optional last chunk, checks the digest and stores the blob. A digest that
     * does not match the bytes ends the session and stores nothing.
     */
    public BlobStat finish(
            Principal p, String name, String uploadId, String digest, InputStream lastChunk, long declaredLength) {
        Digests.require(digest);
        UploadSession u = session(p, name, uploadId);
        if (lastChunk != null) u.append(lastChunk, null, null, declaredLength, s.uploads.now());
        String actual = u.digestLike(digest);
        if (!actual.equals(digest)) {
            s.uploads.remove(u);
            throw new EmulatorException(
                    ErrorCode.DIGEST_INVALID,
                    "provided digest did not match uploaded content: expected " + digest + ", the " + u.size()
                            + " bytes received hash to " + actual + "; nothing was stored",
                    Map.of("expected", digest, "actual", actual));
        }
        OciName n = OciName.parse(name);
        try {
            s.blobs.prepareAdopt(u); // data dir: the bytes reach the disk before the lock, the rename under it
            return s.write(() -> {
                RegistryEntity reg = OciAccess.forPush(s, p, n);
                long size = u.size();
                s.blobs.adopt(digest, u);
                reg.links(n.repository()).add(digest);
                return new BlobStat(digest, size);
            });
        } finally {
            s.uploads.remove(u);
        }
    }

    /** Single-request upload ({@code POST ?digest=} with the body). */
    public BlobStat upload(Principal p, String name, String digest, InputStream body, long declaredLength) {
        Digests.require(digest);
        UploadStatus st = startUpload(p, name);
        try {
            return finish(p, name, st.id(), digest, body, declaredLength);
        } finally {
            s.uploads.remove(st.id());
        }
    }

    private UploadSession session(Principal p, String name, String uploadId) {
        OciName n = OciName.parse(name);
        s.read(() -> OciAccess.forPush(s, p, n));
        return s.uploads.get(n.full(), uploadId);
    }

    private static EmulatorException unknown(String digest) {
        return new EmulatorException(
                ErrorCode.BLOB_UNKNOWN, "blob unknown to registry: " + digest, Map.of("digest", digest));
    }
}
