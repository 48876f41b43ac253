package io.mcremulator.server;

import io.mcremulator.client.Setting;
import io.mcremulator.core.BlobStorageConfig;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import io.mcremulator.core.time.ControllableClock;
import io.mcremulator.core.time.IdSource;
import io.mcremulator.server.auth.AuthMode;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.control.ControlSettings;
import io.mcremulator.server.oci.OciSettings;
import io.mcremulator.server.proxy.ProxySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that turns values of the settings catalogue ({@link Setting}) into server and engine configuration;
 * used by the standalone runner ({@link Main}) and the JUnit extension. Settings not given keep the builders'
 * defaults.
 */
public final class SettingsApplier {
    private SettingsApplier() {}

    /**
     * Applies {@code values} to {@code server} and {@code engine} (the caller then builds the engine into the server).
     * Each value is checked against its catalogue type first.
     *
     * @param label names a setting in messages, e.g. {@code --port (MCR_PORT)} or {@code option 'port'}
     * @throws IllegalArgumentException naming the setting and what it expected
     */
    public static void apply(
            Map<Setting, String> values,
            McrEmulatorServer.Builder server,
            EmulatorConfig.Builder engine,
            Function<Setting, String> label) {
        OciSettings oci = OciSettings.defaults();
        boolean ociGiven = false;
        BlobStorageConfig blobs = BlobStorageConfig.defaults();
        boolean blobsGiven = false;
        ControlSettings control = ControlSettings.defaults();
        boolean controlGiven = false;
        boolean authGiven = false;
        ProxySettings proxy = ProxySettings.defaults();
        boolean proxyGiven = false;
        AuthMode mode = AuthMode.DECODE;
        String hs256 = null;
        String pem = null;
        String jwks = null;
        boolean dataDir = false;
        boolean requireExp = true;
        String controlToken = null;
        java.util.List<String> controlHosts = java.util.List.of();
        boolean idSeed = false;
        for (Map.Entry<Setting, String> e : values.entrySet()) {
            Setting s = e.getKey();
            String v;
            try {
                v = s.check(e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(label.apply(s) + ": " + ex.getMessage(), ex);
            }
            switch (s) {
                case PORT -> server.port(Integer.parseInt(v));
                case HOST -> server.host(v);
                case SEED -> {
                    Path seed = Path.of(v);
                    if (!Files.isRegularFile(seed))
                        throw new IllegalArgumentException(
                                label.apply(s) + ": seed file '" + seed + "' does not exist");
                    server.seedFile(seed);
                }
                case AUTH_MODE -> {
                    mode = AuthMode.parse(v);
                    authGiven = true;
                }
                case JWT_HS256_SECRET -> {
                    hs256 = v;
                    authGiven = true;
                }
                case JWT_RS256_PUBLIC_KEY -> {
                    try {
                        pem = Files.readString(Path.of(v));
                    } catch (IOException | RuntimeException ex) {
                        throw new IllegalArgumentException(
                                label.apply(s) + ": cannot read RS256 public key file '" + v + "': " + ex, ex);
                    }
                    authGiven = true;
                }
                case JWT_JWKS_URL -> {
                    jwks = v;
                    authGiven = true;
                }
                case REGISTRY_NAME_MAX_LENGTH -> engine.registryNameMaxLength(Integer.parseInt(v));
                case PROXY_CACHE_NAME_MAX_LENGTH -> engine.proxyCacheNameMaxLength(Integer.parseInt(v));
                case NON_EMPTY_REGISTRY_DELETE ->
                    engine.nonEmptyRegistryDelete(EmulatorConfig.NonEmptyRegistryDelete.valueOf(constant(v)));
                case PROXY_CACHE_IN_USE_DELETE -> engine.proxyCacheInUseDeleteConflict(v.equals("conflict"));
                case EXISTING_USER_CREATE -> engine.existingUserCreateConflict(v.equals("conflict"));
                case GET_REPOSITORY_STATUS -> server.getRepositoryStatus(Integer.parseInt(v));
                case DEFAULT_PAGE_LIMIT -> engine.defaultPageLimit(Integer.parseInt(v));
                case NEVER_PULLED -> engine.neverPulled(EmulatorConfig.NeverPulled.valueOf(constant(v)));
                case REGISTRY_ACCESS -> engine.registryAccess(EmulatorConfig.RegistryAccess.valueOf(constant(v)));
                case MAX_BODY_BYTES -> server.maxBodyBytes(Integer.parseInt(v));
                case REGISTRY_REGION -> {
                    oci = oci.withRegion(Region.parse(v).orElseThrow());
                    ociGiven = true;
                }
                case REGISTRY_AUTH -> {
                    oci = oci.withChallenge(OciSettings.Challenge.valueOf(constant(v)));
                    ociGiven = true;
                }
                case REGISTRY_TOKEN_TTL_SECONDS -> {
                    oci = new OciSettings(
                            oci.region(), oci.challenge(), Duration.ofSeconds(Long.parseLong(v)), oci.service());
                    ociGiven = true;
                }
                case BLOB_DIR -> {
                    blobs = blobs.withFolder(Path.of(v));
                    blobsGiven = true;
                }
                case MAX_STORED_BYTES -> {
                    blobs = blobs.withMaxStoredBytes(Long.parseLong(v));
                    blobsGiven = true;
                }
                case UPLOAD_EXPIRY_SECONDS -> {
                    blobs = blobs.withUploadExpiry(Duration.ofSeconds(Long.parseLong(v)));
                    blobsGiven = true;
                }
                case ID_SEED -> {
                    engine.ids(IdSource.seeded(Long.parseLong(v)));
                    idSeed = true;
                }
                case SCAN_PENDING_SECONDS -> engine.scanPendingDuration(seconds(v, label.apply(s)));
                case SCAN_RUNNING_SECONDS -> engine.scanRunningDuration(seconds(v, label.apply(s)));
                case SYNTHETIC_FINDINGS -> engine.syntheticFindings(Boolean.parseBoolean(v));
                case FIXED_CLOCK ->
                    engine.clock(ControllableClock.fixed(OffsetDateTime.parse(v).toInstant()));
                case JOURNAL_CAPACITY -> {
                    control = new ControlSettings(
                            Integer.parseInt(v), control.journalMaxBodyBytes(), control.recordUnmatched());
                    controlGiven = true;
                }
                case JOURNAL_MAX_BODY_BYTES -> {
                    control = new ControlSettings(
                            control.journalCapacity(), Integer.parseInt(v), control.recordUnmatched());
                    controlGiven = true;
                }
                case RECORD_UNMATCHED -> {
                    control = new ControlSettings(
                            control.journalCapacity(), control.journalMaxBodyBytes(), Boolean.parseBoolean(v));
                    controlGiven = true;
                }
                case PROXY_UPSTREAM -> {
                    try {
                        proxy = proxy.withUpstreams(v);
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException(label.apply(s) + ": " + ex.getMessage(), ex);
                    }
                    proxyGiven = true;
                }
                case PROXY_CACHE_PROBE -> {
                    proxy = proxy.withProbe(ProxySettings.Probe.valueOf(constant(v)));
                    proxyGiven = true;
                }
                case PROXY_UPSTREAM_TIMEOUT_SECONDS -> {
                    int seconds = Integer.parseInt(v);
                    if (seconds < 1)
                        throw new IllegalArgumentException(label.apply(s) + ": must be at least 1, got " + seconds);
                    proxy = proxy.withTimeout(Duration.ofSeconds(seconds));
                    proxyGiven = true;
                }
                case PROXY_UPSTREAM_ERRORS -> {
                    proxy = proxy.withGatewayErrors(v.equals("gateway"));
                    proxyGiven = true;
                }
                case JWT_REQUIRE_EXP -> {
                    requireExp = Boolean.parseBoolean(v);
                    authGiven = true;
                }
                case CONTROL_TOKEN -> {
                    controlToken = v;
                    controlGiven = true;
                }
                case CONTROL_ALLOWED_HOSTS -> {
                    controlHosts = java.util.Arrays.asList(v.split(","));
                    controlGiven = true;
                }
                case SHUTDOWN_GRACE_SECONDS -> {
                    long grace = Long.parseLong(v);
                    if (grace < 0 || grace > 600)
                        throw new IllegalArgumentException(label.apply(s) + ": must be 0 to 600, got " + grace);
                    server.shutdownGrace(Duration.ofSeconds(grace));
                }
                case DATA_DIR -> {
                    server.dataDir(Path.of(v));
                    dataDir = true;
                }
                case FLUSH_INTERVAL -> {
                    try {
                        server.flushInterval(io.mcremulator.server.persist.PersistenceSettings.parseInterval(v));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException(label.apply(s) + ": " + ex.getMessage(), ex);
                    }
                }
                // switches of the JUnit extension: the extension reads them itself
                case CLEANUP_TENANTS, TENANT_TYPE, TENANT, FAIL_ON_UNMATCHED_REQUESTS, CONSOLE_LINK_ON_FAILURE -> {}
                default ->
                    throw new IllegalStateException(
                            "setting " + s + " is in the catalogue but SettingsApplier does not apply it");
            }
        }
        if (idSeed && dataDir)
            throw new IllegalArgumentException(label.apply(Setting.ID_SEED) + " cannot be used with "
                    + label.apply(Setting.DATA_DIR) + ": after a restart the seeded ids would repeat the saved ones");
        if (ociGiven) server.oci(oci);
        if (blobsGiven) engine.blobStorage(blobs);
        if (controlGiven) server.control(control.withAccess(controlToken, controlHosts));
        if (proxyGiven) server.proxy(proxy);
        if (authGiven) server.auth(new AuthSettings(mode, hs256, pem, jwks, Map.of(), null).withRequireExp(requireExp));
    }

    private static String constant(String choice) {
        return choice.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Duration seconds(String v, String label) {
        long n = Long.parseLong(v);
        if (n < 0) throw new IllegalArgumentException(label + ": must not be negative, got " + n);
        return Duration.ofSeconds(n);
    }
}
