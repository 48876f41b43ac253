package io.mcremulator.core.blob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Small content the engine makes itself (seeded images' configs and layers), held as one exact heap array: a
 * million seeded images must not each take a direct-memory block (see {@link MemoryBlobData}). The array is the
 * caller's, handed over: nothing writes to it afterwards (reads go through {@link #open}).
 */
final class FixedBlobData implements BlobData {
    private volatile byte[] bytes;

    FixedBlobData(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void append(byte[] buf, int off, int len) {
        throw new UnsupportedOperationException("engine-made blob content is final");
    }

    @Override
    public void truncate(long newSize) {
        throw new UnsupportedOperationException("engine-made blob content is final");
    }

    @Override
    public InputStream open(long offset, long length) {
        byte[] b = bytes;
        int from = (int) Math.min(b.length, Math.max(0, offset));
        int n = (int) Math.min(b.length - from, Math.max(0, length));
        return new ByteArrayInputStream(b, from, n);
    }

    @Override
    public void discard() {
        bytes = new byte[0];
    }
}
