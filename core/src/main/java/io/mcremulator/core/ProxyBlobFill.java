package io.mcremulator.core;

import io.mcremulator.core.blob.UploadSession;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.oci.OciName;
import java.io.InputStream;
import java.util.Map;

/**
 * One blob being copied from a proxy cache's upstream into the store: bytes are counted against the storage cap as
 * they arrive and hashed; {@link #finish()} stores and links them only when they hash to the expected digest.
 * {@link #abort()} (or a failed finish) frees everything: nothing half-written is kept.
 */
public final class ProxyBlobFill implements AutoCloseable {
    private final RegionState s;
    private final OciName name;
    private final String digest;
    private final UploadSession session;
    private boolean done;

    ProxyBlobFill(RegionState s, OciName name, String digest) {
        this.s = s;
        this.name = name;
        this.digest = digest;
        this.session = s.uploads.start(name.full(), "proxy-" + s.config.ids().uuid());
    }

    /** Reads {@code in} to its end into the fill; {@code declaredLength} (or -1) must match what arrived. */
    public long append(InputStream in, long declaredLength) {
        return session.append(in, null, null, declaredLength, s.uploads.now());
    }

    /** Verifies the digest, stores the blob and links it into the repository. */
    public void finish() {
        String actual = session.digestLike(digest);
        if (!actual.equals(digest)) {
            abort();
            throw new EmulatorException(
                    ErrorCode.DIGEST_INVALID,
                    "the upstream sent " + session.size() + " bytes for blob " + digest + " that hash to " + actual
                            + "; nothing was stored",
                    Map.of("expected", digest, "actual", actual));
        }
        try {
            s.writeRun(() -> {
                RegistryEntity reg = s.registriesByName.get(name.registry());
                if (reg == null) return; // the registry was deleted meanwhile: the bytes are dropped below
                s.blobs.adopt(digest, session);
                reg.links(name.repository()).add(digest);
                ProxyPulls.fillConfigAttributes(s, reg, name, digest);
            });
        } finally {
            done = true;
            s.uploads.remove(session);
        }
    }

    /** Drops what arrived. Idempotent. */
    public void abort() {
        if (done) return;
        done = true;
        s.uploads.remove(session);
    }

    @Override
    public void close() {
        abort();
    }
}
