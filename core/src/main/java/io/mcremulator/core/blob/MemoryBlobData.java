package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blob bytes in memory, outside the Java heap: a list of direct buffers that double in size from 64 KiB up to
 * 16 MiB (no copying when it grows). Off-heap because blob bytes held in heap arrays were copied again and again
 * by young collections (~20 % of a 200 MB push's time, docs/benchmarks.md), and a test JVM running the emulator
 * in-process should not pay garbage-collection work for the images its tests push. Direct memory is capped by the
 * JVM like the heap ({@code -XX:MaxDirectMemorySize}, by default the maximum heap size); the store's own quota
 * ({@code maxStoredBytes}) applies first.
 */
final class MemoryBlobData implements BlobData {
    static final int FIRST_BLOCK = 64 * 1024;
    static final int MAX_BLOCK = 16 * 1024 * 1024;
    /** Blocks 0..DOUBLINGS grow by doubling; every later block is MAX_BLOCK. */
    private static final int DOUBLINGS = Integer.numberOfTrailingZeros(MAX_BLOCK / FIRST_BLOCK);

    private static final long DOUBLING_BYTES = (long) FIRST_BLOCK * ((1L << (DOUBLINGS + 1)) - 1);

    private final List<ByteBuffer> blocks = new ArrayList<>();
    private long size;

    /** Where block {@code i} starts. */
    static long blockStart(int i) {
        return i <= DOUBLINGS + 1
                ? (long) FIRST_BLOCK * ((1L << i) - 1)
                : DOUBLING_BYTES + (long) (i - DOUBLINGS - 1) * MAX_BLOCK;
    }

    /** The full length of block {@code i}. */
    static int blockLength(int i) {
        return i <= DOUBLINGS ? FIRST_BLOCK << i : MAX_BLOCK;
    }

    /** The block holding byte {@code pos}. */
    static int blockOf(long pos) {
        if (pos < DOUBLING_BYTES) return 63 - Long.numberOfLeadingZeros(pos / FIRST_BLOCK + 1);
        return DOUBLINGS + 1 + (int) ((pos - DOUBLING_BYTES) / MAX_BLOCK);
    }

    /**
     * A direct buffer, or the storage-full error when the JVM's direct memory is spent: the write is then rolled
     * back like any other refused write, instead of an OutOfMemoryError escaping the request.
     */
    private static ByteBuffer allocate(int bytes) {
        try {
            return ByteBuffer.allocateDirect(bytes);
        } catch (OutOfMemoryError e) {
            throw new EmulatorException(
                    ErrorCode.OCI_STORAGE_FULL,
                    "the JVM has no direct memory left for blob bytes ("
                            + e.getMessage()
                            + "): raise -XX:MaxDirectMemorySize, lower --max-stored-bytes / MCR_MAX_STORED_BYTES,"
                            + " keep blobs on disk (--blob-dir / MCR_BLOB_DIR) or delete images",
                    Map.of("requested_bytes", bytes));
        }
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized void append(byte[] buf, int off, int len) {
        while (len > 0) {
            int index = blockOf(size);
            if (index == blocks.size()) blocks.add(allocate(blockLength(index)));
            ByteBuffer block = blocks.get(index);
            int inBlock = (int) (size - blockStart(index));
            int n = Math.min(len, block.capacity() - inBlock);
            block.put(inBlock, buf, off, n);
            off += n;
            len -= n;
            size += n;
        }
    }

    /** Trims the last block to its used length, so a 2-byte config does not hold a 64 KiB block. */
    @Override
    public synchronized void seal() {
        if (blocks.isEmpty()) return;
        int last = blocks.size() - 1;
        int used = (int) (size - blockStart(last));
        ByteBuffer block = blocks.get(last);
        if (used < block.capacity()) {
            try {
                ByteBuffer trimmed = allocate(used);
                trimmed.put(0, block, 0, used);
                blocks.set(last, trimmed);
            } catch (EmulatorException e) {
                // no direct memory for the smaller copy: keep the block as it is, the bytes are all there
            }
        }
    }

    @Override
    public synchronized void truncate(long newSize) {
        if (newSize >= size) return;
        int keep = newSize == 0 ? 0 : blockOf(newSize - 1) + 1;
        while (blocks.size() > keep) blocks.remove(blocks.size() - 1);
        size = newSize;
    }

    @Override
    public InputStream open(long offset, long length) {
        long end = Math.min(size(), offset + length);
        return new Stream(offset, end);
    }

    /** Reads a range of the blocks; as buffers, slices of the blocks themselves. */
    private final class Stream extends InputStream implements ByteBufferSource {
        long pos;
        final long end;

        Stream(long offset, long end) {
            this.pos = offset;
            this.end = end;
        }

        @Override
        public List<ByteBuffer> remainingBuffers() {
            List<ByteBuffer> out = new ArrayList<>();
            while (pos < end) {
                int index = blockOf(pos);
                ByteBuffer block = blocks.get(index);
                int inBlock = (int) (pos - blockStart(index));
                int n = (int) Math.min(block.capacity() - inBlock, end - pos);
                out.add(block.asReadOnlyBuffer()
                        .position(inBlock)
                        .limit(inBlock + n)
                        .slice());
                pos += n;
            }
            return out;
        }

        @Override
        public int read() {
            if (pos >= end) return -1;
            int index = blockOf(pos);
            byte b = blocks.get(index).get((int) (pos - blockStart(index)));
            pos++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (pos >= end) return -1;
            int index = blockOf(pos);
            ByteBuffer block = blocks.get(index);
            int inBlock = (int) (pos - blockStart(index));
            int n = (int) Math.min(Math.min(len, block.capacity() - inBlock), end - pos);
            block.get(inBlock, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - pos));
            pos += k;
            return k;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - pos));
        }
    }

    @Override
    public synchronized void discard() {
        blocks.clear();
        size = 0;
    }
}
