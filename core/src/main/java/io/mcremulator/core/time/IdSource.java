package io.mcremulator.core.time;

import java.util.UUID;

/** Where the engine takes new identifiers, passwords and tokens from; injectable for deterministic runs. */
public interface IdSource {
    UUID uuid();

    /** A 32-character password of letters, digits and symbols, like the real service's. */
    String password();

    /** An opaque token (registry bearer tokens, upload session ids). */
    String token();

    static IdSource random() {
        return RandomIdSource.secure();
    }

    static IdSource seeded(long seed) {
        return new RandomIdSource(new java.util.Random(seed));
    }
}
