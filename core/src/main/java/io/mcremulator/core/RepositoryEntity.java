package io.mcremulator.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Mutable repository state, guarded by the region lock. Tags live on their image; {@link #tagIndex} finds them. */
final class RepositoryEntity {
    final UUID id;
    final String name;
    final Instant createdAt;
    Instant updatedAt;
    final Map<String, ImageEntity> images = new LinkedHashMap<>();
    final Map<String, String> tagIndex = new LinkedHashMap<>();

    RepositoryEntity(UUID id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    Optional<ImageEntity> byDigestOrTag(String digestOrTag) {
        ImageEntity byDigest = images.get(digestOrTag);
        if (byDigest != null) return Optional.of(byDigest);
        String d = tagIndex.get(digestOrTag);
        return d == null ? Optional.empty() : Optional.ofNullable(images.get(d));
    }

    /** The image stored under {@code digest}, added (still without content) when there is none yet. */
    ImageEntity imageOrNew(String digest) {
        return images.computeIfAbsent(digest, ImageEntity::new);
    }

    /** Points {@code tag} at {@code image}, moving it off any image that had it. */
    void tag(ImageEntity image, String tag, Instant at) {
        String previous = tagIndex.put(tag, image.digest);
        if (previous != null && !previous.equals(image.digest)) {
            ImageEntity old = images.get(previous);
            if (old != null) old.tags.remove(tag);
        }
        TagEntity t = image.tags.get(tag);
        if (t == null) image.tags.put(tag, new TagEntity(tag, at));
        else t.pushedAt = at;
    }

    /** Removes a tag only; the image stays addressable by digest. */
    boolean untag(String tag) {
        String d = tagIndex.remove(tag);
        if (d == null) return false;
        ImageEntity img = images.get(d);
        if (img != null) img.tags.remove(tag);
        return true;
    }

    /** Removes an image and every tag pointing at it. */
    ImageEntity removeImage(String digest) {
        ImageEntity img = images.remove(digest);
        if (img != null) for (String t : img.tags.keySet()) tagIndex.remove(t);
        return img;
    }
}
