package io.mcremulator.core.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A blob stream that can also hand out its remaining bytes as read-only buffers (slices of in-memory blocks, or
 * file mappings), so a server can write them to the socket without copying them through a heap array first.
 * After {@link #remainingBuffers()} the stream counts as read to its end.
 */
public interface ByteBufferSource {
    List<ByteBuffer> remainingBuffers() throws IOException;
}
