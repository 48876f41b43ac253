package io.mcremulator.core;

/**
 * A registry user of one region: the docker login pair. Username is the user id. Users are keyed by tenant and id
 * ({@link #key}): the same {@code sub} in two tenants is two users with two passwords.
 */
final class UserEntity {
    final String userId;
    final String tenantId;
    String email;
    String password;
    /**
     * Bumped by every password reset, so tokens issued before it stop working. Starts from a process-wide counter,
     * so a user re-created after a reset of the emulator never revives tokens of its former self.
     */
    long generation = GENERATIONS.incrementAndGet();

    private static final java.util.concurrent.atomic.AtomicLong GENERATIONS =
            new java.util.concurrent.atomic.AtomicLong();

    /** The key of a user in {@code RegionState.users}: tenant and user id together. */
    static String key(String tenantId, String userId) {
        return tenantId + '\n' + userId;
    }

    String key() {
        return key(tenantId, userId);
    }

    UserEntity(String userId, String tenantId, String email, String password) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.email = email;
        this.password = password;
    }
}
