package io.mcremulator.core.blob;

import io.mcremulator.core.error.EmulatorException;

/** Run in a JVM with little direct memory by MemoryBlobDataTest: appends until the memory is spent. */
public final class DirectMemoryProbe {
    public static void main(String[] args) {
        MemoryBlobData data = new MemoryBlobData();
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int i = 0; i < 1024; i++) data.append(chunk, 0, chunk.length);
            System.out.println("NO ERROR size=" + data.size());
        } catch (EmulatorException e) {
            System.out.println("REFUSED " + e.code().code() + " " + e.code().status() + " size=" + data.size() + " "
                    + e.getMessage());
        }
    }
}
