package io.mcremulator.core.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** In-memory blob bytes: growing blocks must read back exactly what was appended, at any offset, after any truncation. */
class MemoryBlobDataTest {
    @Test
    void blockArithmeticIsConsistent() {
        for (int i = 0; i < 40; i++) {
            assertThat(MemoryBlobData.blockStart(i + 1))
                    .isEqualTo(MemoryBlobData.blockStart(i) + MemoryBlobData.blockLength(i));
            assertThat(MemoryBlobData.blockOf(MemoryBlobData.blockStart(i))).isEqualTo(i);
            assertThat(MemoryBlobData.blockOf(MemoryBlobData.blockStart(i + 1) - 1))
                    .isEqualTo(i);
        }
        assertThat(MemoryBlobData.blockLength(0)).isEqualTo(MemoryBlobData.FIRST_BLOCK);
        assertThat(MemoryBlobData.blockLength(30)).isEqualTo(MemoryBlobData.MAX_BLOCK);
    }

    @Test
    void readsBackWhatWasAppendedAcrossBlockBoundaries() throws Exception {
        Random random = new Random(42);
        byte[] all = new byte[60 * 1024 * 1024];
        random.nextBytes(all);
        MemoryBlobData data = new MemoryBlobData();
        int at = 0;
        while (at < all.length) {
            int n = Math.min(all.length - at, 1 + random.nextInt(3 * 1024 * 1024));
            data.append(all, at, n);
            at += n;
        }
        data.seal();
        assertThat(data.size()).isEqualTo(all.length);
        assertThat(read(data, 0, all.length, 1 << 20)).isEqualTo(all);
        for (int i = 0; i < 50; i++) {
            long off = (long) (random.nextDouble() * all.length);
            int len = random.nextInt(20 * 1024 * 1024);
            int end = (int) Math.min(all.length, off + len);
            assertThat(read(data, off, len, 1 + random.nextInt(100_000)))
                    .isEqualTo(Arrays.copyOfRange(all, (int) off, end));
        }
        try (InputStream in = data.open(MemoryBlobData.blockStart(3) - 1, 2)) {
            assertThat(in.read()).isEqualTo(all[(int) MemoryBlobData.blockStart(3) - 1] & 0xff);
            assertThat(in.read()).isEqualTo(all[(int) MemoryBlobData.blockStart(3)] & 0xff);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void truncateDropsTheTailAndAppendsContinueFromThere() throws Exception {
        byte[] a = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(a);
        for (long cut :
                new long[] {0, 1, MemoryBlobData.blockStart(2), MemoryBlobData.blockStart(4) + 17, a.length - 1}) {
            MemoryBlobData data = new MemoryBlobData();
            data.append(a, 0, a.length);
            data.truncate(cut);
            assertThat(data.size()).isEqualTo(cut);
            data.append(a, 0, 1000);
            data.seal();
            byte[] expected = new byte[(int) cut + 1000];
            System.arraycopy(a, 0, expected, 0, (int) cut);
            System.arraycopy(a, 0, expected, (int) cut, 1000);
            assertThat(read(data, 0, Long.MAX_VALUE / 2, 8192)).isEqualTo(expected);
        }
    }

    /** Blob bytes live in direct memory: when the JVM has none left, the write is refused like a full store. */
    @Test
    void directMemoryRunningOutIsAStorageFullErrorNotAnOutOfMemoryError() throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
        Process p = new ProcessBuilder(
                        javaBin,
                        "-XX:MaxDirectMemorySize=4m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DirectMemoryProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out)
                .contains("REFUSED " + io.mcremulator.core.error.ErrorCode.OCI_STORAGE_FULL.code() + " 507")
                .contains("MaxDirectMemorySize")
                .contains("--blob-dir");
        long kept = Long.parseLong(out.replaceAll("(?s).*size=(\\d+).*", "$1"));
        assertThat(kept)
                .as("appends before the refusal are kept")
                .isGreaterThan(0)
                .isLessThanOrEqualTo(4L * 1024 * 1024);
    }

    private static byte[] read(MemoryBlobData data, long offset, long length, int buffer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = data.open(offset, length)) {
            byte[] buf = new byte[buffer];
            int n;
            while ((n = in.read(buf)) >= 0) out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
