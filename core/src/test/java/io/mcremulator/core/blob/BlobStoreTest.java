package io.mcremulator.core.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored blobs read back exactly, whole or by range, in memory and on disk. */
class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void memoryAndDiskBlobsReadBackAcrossBlockBoundaries() throws Exception {
        for (Path folder : new Path[] {null, dir}) {
            StorageQuota quota = new StorageQuota(10_000_000);
            BlobStore store = new BlobStore(folder, "t", quota);
            UploadSessions sessions = new UploadSessions(store, Clock.systemUTC(), Duration.ofHours(1));
            byte[] data = new byte[200_001];
            new Random(1).nextBytes(data);
            UploadSession s = sessions.start("r/a", "id");
            s.append(
                    new ByteArrayInputStream(data, 0, 70_000),
                    null,
                    null,
                    -1,
                    Clock.systemUTC().instant());
            s.append(
                    new ByteArrayInputStream(data, 70_000, data.length - 70_000),
                    70_000L,
                    null,
                    -1,
                    Clock.systemUTC().instant());
            String digest = s.digestLike("sha256:");
            assertThat(digest).isEqualTo(Digests.sha256(data));
            store.adopt(digest, s);
            assertThat(store.size(digest)).isEqualTo(data.length);
            try (var in = store.open(digest, 0, data.length)) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            try (var in = store.open(digest, 65_530, 20)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 65_530, 65_550));
            }
            // The same ranges as buffers (what the server writes to the socket), also after reading a few bytes.
            for (long[] range : new long[][] {{0, data.length}, {65_530, 20}, {1, 196_607}, {199_990, 100}}) {
                try (var in = store.open(digest, range[0], range[1])) {
                    int head = in.read();
                    assertThat(head).isEqualTo(data[(int) range[0]] & 0xff);
                    java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
                    for (java.nio.ByteBuffer b : ((ByteBufferSource) in).remainingBuffers()) {
                        byte[] chunk = new byte[b.remaining()];
                        b.get(chunk);
                        rest.write(chunk);
                    }
                    int end = (int) Math.min(data.length, range[0] + range[1]);
                    assertThat(rest.toByteArray())
                            .as("folder %s, range %s", folder, Arrays.toString(range))
                            .isEqualTo(Arrays.copyOfRange(data, (int) range[0] + 1, end));
                    assertThat(in.read()).as("read to its end").isEqualTo(-1);
                }
            }
            try (var in = store.open(digest, 199_990, 100)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 199_990, data.length));
            }
            store.clear();
            assertThat(quota.usedBytes()).isZero();
        }
    }
}
