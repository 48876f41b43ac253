package io.mcremulator.core;

/** A registry user of one region: the docker login pair. Username is the user id. */
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

    UserEntity(String userId, String tenantId, String email, String password) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.email = email;
        this.password = password;
    }
}
