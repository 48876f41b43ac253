package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open uploads of one region. A session idle for longer than the expiry is dropped (and its bytes freed)
 * the next time any session is started or looked up; time comes from the engine's clock.
 */
public final class UploadSessions {
    private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
    private final BlobStore store;
    private final Clock clock;
    private final Duration expiry;

    public UploadSessions(BlobStore store, Clock clock, Duration expiry) {
        this.store = store;
        this.clock = clock;
        this.expiry = expiry;
    }

    public UploadSession start(String name, String id) {
        expireIdle();
        UploadSession s = new UploadSession(id, name, store.newBuffer(), store.quota(), clock.instant());
        sessions.put(id, s);
        return s;
    }

    /** The session {@code id} of repository {@code name}; 404 {@code BLOB_UPLOAD_UNKNOWN} if unknown, expired or of another repository. */
    public UploadSession get(String name, String id) {
        expireIdle();
        UploadSession s = sessions.get(id);
        if (s == null || !s.name().equals(name)) {
            throw new EmulatorException(
                    ErrorCode.BLOB_UPLOAD_UNKNOWN,
                    "blob upload unknown: no upload '" + id + "' in progress for " + name
                            + " (finished, cancelled, or idle for more than " + expiry + ")",
                    Map.of("upload", id));
        }
        return s;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Ends a session and frees whatever it still holds. */
    public void remove(UploadSession s) {
        sessions.remove(s.id(), s);
        s.discard();
    }

    /** Ends session {@code id} if it is still open. */
    public void remove(String id) {
        UploadSession s = sessions.get(id);
        if (s != null) remove(s);
    }

    /** Drops the sessions whose repository name matches (a deleted registry or repository). */
    public void removeIf(java.util.function.Predicate<String> name) {
        for (UploadSession s : sessions.values()) if (name.test(s.name())) remove(s);
    }

    public int openCount() {
        return sessions.size();
    }

    public void expireIdle() {
        Instant limit = clock.instant().minus(expiry);
        for (UploadSession s : sessions.values()) {
            if (!s.busy() && s.touchedAt().isBefore(limit)) remove(s);
        }
    }

    public void clear() {
        for (UploadSession s : sessions.values()) remove(s);
    }
}
