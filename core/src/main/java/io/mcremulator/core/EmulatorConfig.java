package io.mcremulator.core;

import io.mcremulator.core.time.ControllableClock;
import io.mcremulator.core.time.IdSource;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Behaviour switches of the engine, for the places where the real service's behaviour is unknown or users may
 * want otherwise. Each default is the one recorded in docs/behaviour.md.
 */
public final class EmulatorConfig {
    /** What deleting a registry that still holds repositories does. */
    public enum NonEmptyRegistryDelete {
        CASCADE,
        CONFLICT
    }

    /** What {@code pulled_at} shows for an image that was never pulled. */
    public enum NeverPulled {
        ZERO_TIME,
        PUSHED_AT
    }

    /** Who reaches a registry over /v2 (docs/behaviour.md, "Registry members and roles"). */
    public enum RegistryAccess {
        /** 0.1.0-compatible: every principal of the registry's tenant, plus members of other tenants by role. */
        TENANT,
        /** Harbor-like: only the registry's creator and its members, each by role. */
        MEMBERS
    }

    private final int registryNameMaxLength;
    private final int proxyCacheNameMaxLength;
    private final NonEmptyRegistryDelete nonEmptyRegistryDelete;
    private final boolean proxyCacheInUseDeleteConflict;
    private final int defaultPageLimit;
    private final Set<String> proxyCacheProviders;
    private final NeverPulled neverPulled;
    private final Clock clock;
    private final IdSource ids;
    private final BlobStorageConfig blobStorage;
    private final java.nio.file.Path dataDir;
    private final RegistryAccess registryAccess;
    private final java.time.Duration scanPendingDuration;
    private final java.time.Duration scanRunningDuration;
    private final boolean syntheticFindings;

    private EmulatorConfig(Builder b) {
        this.registryAccess = b.registryAccess;
        this.scanPendingDuration = b.scanPendingDuration;
        this.scanRunningDuration = b.scanRunningDuration;
        this.syntheticFindings = b.syntheticFindings;
        this.registryNameMaxLength = b.registryNameMaxLength;
        this.proxyCacheNameMaxLength = b.proxyCacheNameMaxLength;
        this.nonEmptyRegistryDelete = b.nonEmptyRegistryDelete;
        this.proxyCacheInUseDeleteConflict = b.proxyCacheInUseDeleteConflict;
        this.defaultPageLimit = b.defaultPageLimit;
        this.proxyCacheProviders = Set.copyOf(b.proxyCacheProviders);
        this.neverPulled = b.neverPulled;
        this.clock = b.clock;
        this.ids = b.ids;
        this.blobStorage = b.blobStorage;
        this.dataDir = b.dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public int registryNameMaxLength() {
        return registryNameMaxLength;
    }

    public int proxyCacheNameMaxLength() {
        return proxyCacheNameMaxLength;
    }

    public NonEmptyRegistryDelete nonEmptyRegistryDelete() {
        return nonEmptyRegistryDelete;
    }

    public boolean proxyCacheInUseDeleteConflict() {
        return proxyCacheInUseDeleteConflict;
    }

    public int defaultPageLimit() {
        return defaultPageLimit;
    }

    public Set<String> proxyCacheProviders() {
        return proxyCacheProviders;
    }

    public NeverPulled neverPulled() {
        return neverPulled;
    }

    public Clock clock() {
        return clock;
    }

    public IdSource ids() {
        return ids;
    }

    public BlobStorageConfig blobStorage() {
        return blobStorage;
    }

    /**
     * The folder that keeps blobs across restarts ({@code --data-dir}): blob files under {@code blobs/<region>/},
     * uploads in progress under {@code uploads/<region>/}; null keeps them as {@link #blobStorage()} says.
     */
    public java.nio.file.Path dataDir() {
        return dataDir;
    }

    public RegistryAccess registryAccess() {
        return registryAccess;
    }

    /** How long a new scan stays {@code pending} (default zero: the next read may show it completed). */
    public java.time.Duration scanPendingDuration() {
        return scanPendingDuration;
    }

    /** How long a scan stays {@code running} (default zero). */
    public java.time.Duration scanRunningDuration() {
        return scanRunningDuration;
    }

    /** Whether images without findings set by the test get synthetic ones derived from their digest (default off). */
    public boolean syntheticFindings() {
        return syntheticFindings;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.registryAccess = registryAccess;
        b.scanPendingDuration = scanPendingDuration;
        b.scanRunningDuration = scanRunningDuration;
        b.syntheticFindings = syntheticFindings;
        b.registryNameMaxLength = registryNameMaxLength;
        b.proxyCacheNameMaxLength = proxyCacheNameMaxLength;
        b.nonEmptyRegistryDelete = nonEmptyRegistryDelete;
        b.proxyCacheInUseDeleteConflict = proxyCacheInUseDeleteConflict;
        b.defaultPageLimit = defaultPageLimit;
        b.proxyCacheProviders = new LinkedHashSet<>(proxyCacheProviders);
        b.neverPulled = neverPulled;
        b.clock = clock;
        b.ids = ids;
        b.blobStorage = blobStorage;
        b.dataDir = dataDir;
        return b;
    }

    public static final class Builder {
        private int registryNameMaxLength = 63;
        private int proxyCacheNameMaxLength = 63;
        private NonEmptyRegistryDelete nonEmptyRegistryDelete = NonEmptyRegistryDelete.CASCADE;
        private boolean proxyCacheInUseDeleteConflict = true;
        private int defaultPageLimit = 20;
        private Set<String> proxyCacheProviders = new LinkedHashSet<>(List.of("docker-hub", "google-gcr", "aws-ecr"));
        private NeverPulled neverPulled = NeverPulled.ZERO_TIME;
        private Clock clock = ControllableClock.system();
        private IdSource ids = IdSource.random();
        private BlobStorageConfig blobStorage = BlobStorageConfig.defaults();
        private java.nio.file.Path dataDir;
        private RegistryAccess registryAccess = RegistryAccess.TENANT;

        /** Who reaches a registry over /v2; {@link RegistryAccess#TENANT} by default. */
        public Builder registryAccess(RegistryAccess v) {
            registryAccess = java.util.Objects.requireNonNull(v);
            return this;
        }

        private java.time.Duration scanPendingDuration = java.time.Duration.ZERO;
        private java.time.Duration scanRunningDuration = java.time.Duration.ZERO;
        private boolean syntheticFindings = false;

        public Builder scanPendingDuration(java.time.Duration d) {
            require(d != null && !d.isNegative(), "scanPendingDuration must be >= 0");
            scanPendingDuration = d;
            return this;
        }

        public Builder scanRunningDuration(java.time.Duration d) {
            require(d != null && !d.isNegative(), "scanRunningDuration must be >= 0");
            scanRunningDuration = d;
            return this;
        }

        public Builder syntheticFindings(boolean v) {
            syntheticFindings = v;
            return this;
        }

        /** 63 per the 0.1.0 spec; the 2026-05 spec says 45. */
        public Builder registryNameMaxLength(int n) {
            require(n >= 1, "registryNameMaxLength must be >= 1");
            registryNameMaxLength = n;
            return this;
        }

        public Builder proxyCacheNameMaxLength(int n) {
            require(n >= 1, "proxyCacheNameMaxLength must be >= 1");
            proxyCacheNameMaxLength = n;
            return this;
        }

        public Builder nonEmptyRegistryDelete(NonEmptyRegistryDelete v) {
            nonEmptyRegistryDelete = v;
            return this;
        }

        public Builder proxyCacheInUseDeleteConflict(boolean v) {
            proxyCacheInUseDeleteConflict = v;
            return this;
        }

        public Builder defaultPageLimit(int n) {
            require(n >= 1, "defaultPageLimit must be >= 1");
            defaultPageLimit = n;
            return this;
        }

        public Builder proxyCacheProviders(Set<String> providers) {
            require(!providers.isEmpty(), "at least one provider");
            proxyCacheProviders = new LinkedHashSet<>(providers);
            return this;
        }

        public Builder neverPulled(NeverPulled v) {
            neverPulled = v;
            return this;
        }
        /** The engine's clock; the default is a {@link ControllableClock} following system time, so tests can fix and move it. */
        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        public Builder ids(IdSource s) {
            ids = s;
            return this;
        }

        public Builder blobStorage(BlobStorageConfig c) {
            blobStorage = java.util.Objects.requireNonNull(c);
            return this;
        }

        /** Blobs kept in files under {@code dir} that survive a restart (see {@link EmulatorConfig#dataDir()}). */
        public Builder dataDir(java.nio.file.Path dir) {
            dataDir = dir;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }

        private static void require(boolean ok, String message) {
            if (!ok) throw new IllegalArgumentException(message);
        }
    }
}
