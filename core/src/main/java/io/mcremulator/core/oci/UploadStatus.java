package io.mcremulator.core.oci;

/** An upload in progress: its id, repository and how many bytes arrived. */
public record UploadStatus(String id, String name, long size) {
    /** The {@code Range} header value clients expect: {@code 0-<last byte>}, {@code 0-0} when empty. */
    public String range() {
        return size == 0 ? "0-0" : "0-" + (size - 1);
    }
}
