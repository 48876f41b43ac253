package io.mcremulator.core;

import java.time.Instant;

/** Mutable tag state, guarded by the region lock. */
final class TagEntity {
    final String name;
    Instant pushedAt;
    Instant pulledAt; // null: never pulled

    TagEntity(String name, Instant pushedAt) {
        this.name = name;
        this.pushedAt = pushedAt;
    }
}
