package io.mcremulator.core.blob;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Blob bytes in memory, as a list of fixed-size blocks (no copying when it grows). */
final class MemoryBlobData implements BlobData {
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> blocks = new ArrayList<>();
    private long size;

    @Override public synchronized long size() { return size; }

    @Override public synchronized void append(byte[] buf, int off, int len) {
        while (len > 0) {
            int inBlock = (int) (size % BLOCK);
            if (inBlock == 0) blocks.add(new byte[BLOCK]);
            byte[] last = blocks.get(blocks.size() - 1);
            int n = Math.min(len, BLOCK - inBlock);
            System.arraycopy(buf, off, last, inBlock, n);
            off += n;
            len -= n;
            size += n;
        }
    }

    /** Trims the last block to its used length, so a 2-byte config does not hold a 64 KiB block. */
    @Override public synchronized void seal() {
        int used = (int) (size % BLOCK);
        if (used != 0 && !blocks.isEmpty()) blocks.set(blocks.size() - 1, java.util.Arrays.copyOf(blocks.get(blocks.size() - 1), used));
    }

    @Override public synchronized void truncate(long newSize) {
        if (newSize >= size) return;
        int keep = (int) ((newSize + BLOCK - 1) / BLOCK);
        while (blocks.size() > keep) blocks.remove(blocks.size() - 1);
        size = newSize;
    }

    @Override public InputStream open(long offset, long length) {
        long end = Math.min(size(), offset + length);
        return new InputStream() {
            long pos = offset;

            @Override public int read() {
                if (pos >= end) return -1;
                byte b = blocks.get((int) (pos / BLOCK))[(int) (pos % BLOCK)];
                pos++;
                return b & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) {
                if (pos >= end) return -1;
                byte[] block = blocks.get((int) (pos / BLOCK));
                int inBlock = (int) (pos % BLOCK);
                int n = (int) Math.min(Math.min(len, BLOCK - inBlock), end - pos);
                System.arraycopy(block, inBlock, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Override public synchronized void discard() {
        blocks.clear();
        size = 0;
    }
}
