package io.mcremulator.server.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One emulator per data dir: an OS lock on {@code <data-dir>/lock}, taken before anything in the folder is read
 * or cleaned up, and held until the server stops. Released by the OS when the process dies ({@code kill -9}).
 */
public final class DataDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} (created if needed); fails naming it when another emulator holds it. */
    public static DataDirLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new IllegalArgumentException(
                        "data dir " + dir + " is in use by another emulator (one emulator per data dir)");
            }
            return new DataDirLock(ch, l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data dir " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // stopping anyway; the OS drops the lock with the process
        }
    }
}
