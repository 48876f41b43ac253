package io.mcremulator.core.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-dir blob store ({@link BlobStore#persistent}): a finished upload becomes a file named by its digest that a
 * new store finds again; a deleted blob's file stays until no saved state needs it; leftover uploads are dropped.
 */
class PersistentBlobStoreTest {
    @TempDir
    Path dataDir;

    private static String upload(BlobStore store, String text) {
        UploadSessions sessions = new UploadSessions(store, Clock.systemUTC(), Duration.ofHours(1));
        UploadSession s = sessions.start("r/a", "id-" + text.hashCode());
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        s.append(
                new ByteArrayInputStream(data),
                null,
                null,
                data.length,
                Clock.systemUTC().instant());
        String digest = s.digestLike("sha256:");
        store.prepareAdopt(s);
        store.adopt(digest, s);
        return digest;
    }

    @Test
    void aStoredBlobIsFoundAgainByTheNextStoreAndCountsAgainstItsQuota() throws Exception {
        BlobStore first = BlobStore.persistent(dataDir, "br-se1", new StorageQuota(1_000_000));
        String digest = upload(first, "persisted bytes");
        first.syncFolder();
        Path file = dataDir.resolve("blobs/br-se1/sha256-" + digest.substring(7));
        assertThat(file).hasContent("persisted bytes");
        try (var uploads = Files.list(dataDir.resolve("uploads/br-se1"))) {
            assertThat(uploads.toList())
                    .as("the upload file was renamed, not copied")
                    .isEmpty();
        }

        Files.writeString(dataDir.resolve("uploads/br-se1/upload-left-over"), "half an upload");
        StorageQuota quota = new StorageQuota(1_000_000);
        BlobStore second = BlobStore.persistent(dataDir, "br-se1", quota);
        assertThat(second.size(digest)).isEqualTo(15);
        try (var in = second.open(digest, 0, 15)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("persisted bytes");
        }
        assertThat(second.storedBytes()).isEqualTo(15);
        try (var uploads = Files.list(dataDir.resolve("uploads/br-se1"))) {
            assertThat(uploads.toList())
                    .as("an upload of an earlier run is dropped")
                    .isEmpty();
        }
    }

    @Test
    void aDeletedBlobsFileStaysUntilNoSavedStateNeedsIt() throws Exception {
        BlobStore store = BlobStore.persistent(dataDir, "br-se1", new StorageQuota(1_000_000));
        String digest = upload(store, "to be deleted");
        Path file = dataDir.resolve("blobs/br-se1/sha256-" + digest.substring(7));
        store.delete(digest);
        assertThat(store.has(digest)).isFalse();
        assertThat(file).exists();
        assertThat(store.removeFilesExcept(Set.of(digest))).isZero();
        assertThat(file).exists();
        assertThat(store.removeFilesExcept(Set.of())).isEqualTo(1);
        assertThat(file).doesNotExist();
    }

    @Test
    void theSameBlobUploadedTwiceIsKeptOnce() throws Exception {
        BlobStore store = BlobStore.persistent(dataDir, "br-se1", new StorageQuota(1_000_000));
        String a = upload(store, "same");
        String b = upload(store, "same");
        assertThat(a).isEqualTo(b);
        assertThat(store.storedBytes()).isEqualTo(4);
        try (var files = Files.list(dataDir.resolve("blobs/br-se1"))) {
            assertThat(files.toList()).hasSize(1);
        }
        try (var uploads = Files.list(dataDir.resolve("uploads/br-se1"))) {
            assertThat(uploads.toList()).isEmpty();
        }
    }
}
