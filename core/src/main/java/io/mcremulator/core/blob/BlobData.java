package io.mcremulator.core.blob;

import java.io.IOException;
import java.io.InputStream;

/** Bytes of one blob or one upload in progress, in memory or in a file. */
interface BlobData {
    long size();

    /** Appends bytes (uploads only). */
    void append(byte[] buf, int off, int len) throws IOException;

    /** Drops every byte past {@code newSize} (rolls back a failed append). */
    void truncate(long newSize) throws IOException;

    /** A stream over {@code length} bytes starting at {@code offset}. */
    InputStream open(long offset, long length) throws IOException;

    /** Called once the bytes are final (stored blob): release slack space. No more appends afterwards. */
    default void seal() {}

    /** Forces the bytes to the disk (file blobs of the data dir); nothing for memory. */
    default void force() throws IOException {}

    /** Frees the bytes (deletes the file). Idempotent. */
    void discard();
}
