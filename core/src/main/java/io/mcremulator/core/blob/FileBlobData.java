package io.mcremulator.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Blob bytes in a file of the configured blob folder (large images), or of the data dir ({@code --data-dir}), where
 * a finished blob is synced and renamed to its digest's name ({@link #moveTo}).
 */
final class FileBlobData implements BlobData {
    private volatile Path file;
    private FileChannel out; // null once the file is final (moved, or found at start)
    private long size;

    FileBlobData(Path file) {
        this.file = file;
        try {
            this.out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob file " + file, e);
        }
    }

    private FileBlobData(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /** A finished blob file found in the data dir at start. */
    static FileBlobData existing(Path file, long size) {
        return new FileBlobData(file, size);
    }

    /** Forces the bytes written so far to the disk. */
    @Override
    public synchronized void force() throws IOException {
        if (out != null) out.force(true);
    }

    /**
     * Makes the bytes durable and gives the file its final name, atomically (a file of that name holds the whole
     * blob or is not there); the folder's entry is synced later ({@link BlobStore#syncFolder()}).
     */
    synchronized void moveTo(Path target) throws IOException {
        if (out != null) {
            out.force(true);
            out.close();
            out = null;
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        file = target;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized void append(byte[] buf, int off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, off, len);
        while (b.hasRemaining()) out.write(b, size + (len - b.remaining()));
        size += len;
    }

    @Override
    public synchronized void truncate(long newSize) throws IOException {
        if (newSize >= size) return;
        out.truncate(newSize);
        size = newSize;
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        long limit = Math.max(0, Math.min(length, size() - offset));
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        return new Stream(ch, limit);
    }

    /** Reads a range of the file; as buffers, read-only mappings of it (the page cache, no copy). */
    private static final class Stream extends InputStream implements ByteBufferSource {
        private static final long MAX_MAPPING = 64L * 1024 * 1024;
        private final FileChannel ch;
        private final InputStream in;
        private long left;

        Stream(FileChannel ch, long left) {
            this.ch = ch;
            this.in = Channels.newInputStream(ch);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public java.util.List<java.nio.ByteBuffer> remainingBuffers() throws IOException {
            java.util.List<java.nio.ByteBuffer> out = new java.util.ArrayList<>();
            long pos = ch.position();
            while (left > 0) {
                long n = Math.min(left, MAX_MAPPING);
                out.add(ch.map(FileChannel.MapMode.READ_ONLY, pos, n));
                pos += n;
                left -= n;
            }
            ch.position(pos);
            return out;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @Override
    public synchronized void discard() {
        try {
            if (out != null) out.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the folder is the user's scratch space
        }
        size = 0;
    }
}
