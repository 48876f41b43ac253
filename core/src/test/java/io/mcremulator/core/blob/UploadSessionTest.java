package io.mcremulator.core.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.time.ControllableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Upload sessions keep their bytes, digests and quota consistent whatever happens to a request body. */
class UploadSessionTest {
    final StorageQuota quota = new StorageQuota(1_000);
    final BlobStore store = new BlobStore(null, "test", quota);
    final ControllableClock clock = ControllableClock.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    final UploadSessions sessions = new UploadSessions(store, clock, Duration.ofMinutes(5));

    @Test
    void anInterruptedBodyIsRolledBackAndTheChunkCanBeSentAgain() {
        UploadSession s = sessions.start("r/a", "u1");
        s.append(in("hello "), null, null, -1, clock.instant());
        InputStream broken = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ < 3) return 'x';
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> s.append(broken, null, null, -1, clock.instant()))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(s.size()).isEqualTo(6);
        assertThat(quota.usedBytes()).isEqualTo(6);
        s.append(in("world"), 6L, 10L, 5, clock.instant());
        assertThat(s.digestLike("sha256:")).isEqualTo(Digests.sha256("hello world".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLengthMismatchChangesNothing() {
        UploadSession s = sessions.start("r/a", "u2");
        assertThatThrownBy(() -> s.append(in("abc"), null, null, 10, clock.instant()))
                .isInstanceOfSatisfying(
                        EmulatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SIZE_INVALID));
        assertThat(s.size()).isZero();
        assertThat(quota.usedBytes()).isZero();
    }

    @Test
    void theCapRefusesTheWriteAndFreesWhatTheRequestHadWritten() {
        UploadSession s = sessions.start("r/a", "u3");
        assertThatThrownBy(() -> s.append(new ByteArrayInputStream(new byte[200_000]), null, null, -1, clock.instant()))
                .isInstanceOfSatisfying(
                        EmulatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.OCI_STORAGE_FULL));
        assertThat(s.size()).isZero();
        assertThat(quota.usedBytes()).isZero();
    }

    @Test
    void idleSessionsExpireAndFreeTheirBytes() {
        UploadSession s = sessions.start("r/a", "u4");
        s.append(in("data"), null, null, 4, clock.instant());
        clock.advance(Duration.ofMinutes(6));
        sessions.expireIdle();
        assertThat(sessions.openCount()).isZero();
        assertThat(quota.usedBytes()).isZero();
    }

    @Test
    void adoptingABlobThatExistsFreesTheDuplicate() {
        UploadSession a = sessions.start("r/a", "a");
        a.append(in("same"), null, null, 4, clock.instant());
        UploadSession b = sessions.start("r/b", "b");
        b.append(in("same"), null, null, 4, clock.instant());
        String d = a.digestLike("sha256:");
        store.adopt(d, a);
        store.adopt(d, b);
        assertThat(quota.usedBytes()).isEqualTo(4);
        store.delete(d);
        assertThat(quota.usedBytes()).isZero();
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
