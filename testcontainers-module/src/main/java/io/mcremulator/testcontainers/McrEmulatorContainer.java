package io.mcremulator.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.mcremulator.client.DockerCredentials;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.client.HttpEmulatorControl;
import io.mcremulator.client.Json;
import io.mcremulator.client.Setting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Testcontainers module for mcr-emulator, the in-memory emulator of Magalu Cloud Container Registry.
 *
 * <pre>{@code
 * try (McrEmulatorContainer mcr = new McrEmulatorContainer(DockerImageName.parse("mcr-emulator:0.1.0"))
 *         .withSeed(Path.of("src/test/resources/mcr-seed.json"))) {
 *     mcr.start();
 *     McrUser user = McrUser.random();
 *     String managementUrl = mcr.getManagementUrl();        // http://localhost:49153/br-se1/container-registry
 *     String token = user.bearerToken();                     // Authorization: Bearer <token>
 *     DockerCredentials login = mcr.getDockerCredentials(user); // docker login mcr.getRegistryHost() ...
 * }
 * }</pre>
 *
 * <p>Every {@code with...} setting is one of the settings catalogue ({@link Setting}): the standalone runner's
 * environment variable of the same name (README.md's table); a bad value fails at once.
 * A bad setting makes the emulator exit at once; {@link #start()} then fails with the emulator's own message and
 * its log in the exception.
 */
public class McrEmulatorContainer extends GenericContainer<McrEmulatorContainer> {
    /** Image name the module is made for; other names must be declared compatible ({@code asCompatibleSubstituteFor}). */
    public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("mcr-emulator");

    public static final String DEFAULT_TAG = "latest";
    /** The port the emulator listens on inside the container (management API, OCI /v2 API and /_emulator). */
    public static final int PORT = 8080;
    /** Region used by the getters without a region argument. */
    public static final String DEFAULT_REGION = "br-se1";
    /** Where {@link #withSeed(Path)} and {@link #withSeed(String)} put the seed document in the container. */
    public static final String SEED_PATH = "/etc/mcr-emulator/seed.json";

    static final String RS256_KEY_PATH = "/etc/mcr-emulator/jwt-rs256-public-key.pem";

    /** How the management API checks callers ({@code MCR_AUTH_MODE}). */
    public enum AuthMode {
        /** Default: bearer JWTs are decoded without checking signatures; any UUID is an API key of its own tenant. */
        DECODE,
        /** Bearer JWTs need a valid signature: see {@link #withJwtHs256Secret}, {@link #withJwtRs256PublicKey}, {@link #withJwksUrl}. */
        VERIFY,
        /** Callers without credentials act as one fixed tenant and user. */
        ANONYMOUS
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String failedStartLog;
    private volatile boolean started;

    /** @deprecated name the image: {@link #McrEmulatorContainer(DockerImageName)}. */
    @Deprecated
    public McrEmulatorContainer() {
        this(DEFAULT_IMAGE_NAME.withTag(DEFAULT_TAG));
    }

    public McrEmulatorContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public McrEmulatorContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(DEFAULT_IMAGE_NAME);
        withExposedPorts(PORT);
        withEnv(Setting.PORT.env(), String.valueOf(PORT));
        waitingFor(new McrEmulatorWaitStrategy(PORT));
    }

    // ---- settings: the catalogue's (io.mcremulator.client.Setting), each one environment variable of the runner ----

    /**
     * Sets one setting of the catalogue: checks the value against its type (a bad one fails here, not when the
     * container starts) and passes it as the setting's environment variable. The typed {@code withX} methods below
     * call this.
     */
    public McrEmulatorContainer with(Setting setting, Object value) {
        if (!setting.appliesTo(Setting.Where.CLI))
            throw new IllegalArgumentException(setting.optionName() + " is not a setting of the emulator's image");
        if (setting == Setting.CONTROL_TOKEN) {
            String token = value == null ? "" : String.valueOf(value);
            this.controlToken = token.isBlank() ? null : token; // sent by control(), reset() and seed()
        }
        try {
            return withEnv(setting.env(), setting.check(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    setting.containerMethod() + " (" + setting.env() + "): " + e.getMessage(), e);
        }
    }

    /** Loads this seed document (JSON, docs/seed-format.md) at start: {@code MCR_SEED_FILE}. */
    public McrEmulatorContainer withSeed(Path seedFile) {
        if (!Files.isRegularFile(seedFile))
            throw new IllegalArgumentException("seed file " + seedFile + " does not exist");
        withCopyFileToContainer(MountableFile.forHostPath(seedFile, 0644), SEED_PATH);
        return with(Setting.SEED, SEED_PATH);
    }

    /** Loads this seed document, given as JSON text, at start. */
    public McrEmulatorContainer withSeed(String seedJson) {
        withCopyToContainer(Transferable.of(seedJson.getBytes(StandardCharsets.UTF_8), 0644), SEED_PATH);
        return with(Setting.SEED, SEED_PATH);
    }

    /** Loads the seed file at this path inside the container (for a file mounted by other means). */
    public McrEmulatorContainer withSeedFileInContainer(String containerPath) {
        return with(Setting.SEED, containerPath);
    }

    public McrEmulatorContainer withAuthMode(AuthMode mode) {
        return withAuthMode(mode.name().toLowerCase(Locale.ROOT));
    }

    /** The auth mode by name: {@code decode}, {@code verify} or {@code anonymous}. */
    public McrEmulatorContainer withAuthMode(String mode) {
        return with(Setting.AUTH_MODE, mode);
    }

    /** HS256 secret that signs valid tokens in {@link AuthMode#VERIFY}. */
    public McrEmulatorContainer withJwtHs256Secret(String secret) {
        return with(Setting.JWT_HS256_SECRET, secret);
    }

    /** RS256 public key (PEM text) that verifies tokens in {@link AuthMode#VERIFY}. */
    public McrEmulatorContainer withJwtRs256PublicKey(String pem) {
        withCopyToContainer(Transferable.of(pem.getBytes(StandardCharsets.UTF_8), 0644), RS256_KEY_PATH);
        return with(Setting.JWT_RS256_PUBLIC_KEY, RS256_KEY_PATH);
    }

    /** JWKS URL the emulator fetches verification keys from in {@link AuthMode#VERIFY} (reachable from the container). */
    public McrEmulatorContainer withJwksUrl(String url) {
        return with(Setting.JWT_JWKS_URL, url);
    }

    public McrEmulatorContainer withRegistryNameMaxLength(int length) {
        return with(Setting.REGISTRY_NAME_MAX_LENGTH, length);
    }

    public McrEmulatorContainer withProxyCacheNameMaxLength(int length) {
        return with(Setting.PROXY_CACHE_NAME_MAX_LENGTH, length);
    }

    /** {@code cascade} or {@code conflict}: what deleting a registry that still has repositories does. */
    public McrEmulatorContainer withNonEmptyRegistryDelete(String behaviour) {
        return with(Setting.NON_EMPTY_REGISTRY_DELETE, behaviour);
    }

    /** {@code conflict} or {@code allow}: deleting a proxy cache that a registry still uses. */
    public McrEmulatorContainer withProxyCacheInUseDelete(String behaviour) {
        return with(Setting.PROXY_CACHE_IN_USE_DELETE, behaviour);
    }

    /** {@code same} (default: 201 with the existing user) or {@code conflict} (409): a second {@code POST /v0/users}. */
    public McrEmulatorContainer withExistingUserCreate(String behaviour) {
        return with(Setting.EXISTING_USER_CREATE, behaviour);
    }

    /** Status of GET one repository: 200 (default) or 201 as the spec documents. */
    public McrEmulatorContainer withGetRepositoryStatus(int status) {
        return with(Setting.GET_REPOSITORY_STATUS, status);
    }

    public McrEmulatorContainer withDefaultPageLimit(int limit) {
        return with(Setting.DEFAULT_PAGE_LIMIT, limit);
    }

    /**
     * {@code tenant} (default: every principal of the registry's tenant reaches it over /v2, members of other tenants
     * by role) or {@code members} (only the registry's creator and its members, by role).
     */
    public McrEmulatorContainer withRegistryAccess(String access) {
        return with(Setting.REGISTRY_ACCESS, access);
    }

    /** {@code zero-time} or {@code pushed-at}: {@code pulled_at} of an image nobody pulled. */
    public McrEmulatorContainer withNeverPulled(String behaviour) {
        return with(Setting.NEVER_PULLED, behaviour);
    }

    /** Management-API request body limit (413 above). */
    public McrEmulatorContainer withMaxBodyBytes(int bytes) {
        return with(Setting.MAX_BODY_BYTES, bytes);
    }

    /** The region whose registries {@code /v2} serves: br-se1 (default), br-ne1, br-mgl1 (br-se-1). */
    public McrEmulatorContainer withRegistryRegion(String region) {
        return with(Setting.REGISTRY_REGION, region);
    }

    /** {@code bearer} (default) or {@code basic}: the challenge of {@code GET /v2/}. */
    public McrEmulatorContainer withRegistryAuth(String challenge) {
        return with(Setting.REGISTRY_AUTH, challenge);
    }

    public McrEmulatorContainer withRegistryTokenTtlSeconds(long seconds) {
        return with(Setting.REGISTRY_TOKEN_TTL_SECONDS, seconds);
    }

    /** Keep blobs in this folder inside the container instead of memory. */
    public McrEmulatorContainer withBlobDir(String containerPath) {
        return with(Setting.BLOB_DIR, containerPath);
    }

    public McrEmulatorContainer withMaxStoredBytes(long bytes) {
        return with(Setting.MAX_STORED_BYTES, bytes);
    }

    public McrEmulatorContainer withUploadExpirySeconds(long seconds) {
        return with(Setting.UPLOAD_EXPIRY_SECONDS, seconds);
    }

    /** Deterministic ids: the seed of the emulator's id source ({@code MCR_ID_SEED}). */
    public McrEmulatorContainer withIdSeed(long seed) {
        return with(Setting.ID_SEED, seed);
    }

    /** Deterministic times: the emulator's clock stands at this instant ({@code MCR_FIXED_CLOCK}). */
    public McrEmulatorContainer withFixedClock(java.time.Instant instant) {
        return with(Setting.FIXED_CLOCK, instant);
    }

    public McrEmulatorContainer withJournalCapacity(int requests) {
        return with(Setting.JOURNAL_CAPACITY, requests);
    }

    public McrEmulatorContainer withJournalMaxBodyBytes(int bytes) {
        return with(Setting.JOURNAL_MAX_BODY_BYTES, bytes);
    }

    public McrEmulatorContainer withRecordUnmatched(boolean record) {
        return with(Setting.RECORD_UNMATCHED, record);
    }

    /** Where the image keeps state with {@link #withDataVolume(String)}: a folder owned by the image's user. */
    public static final String DATA_DIR = "/data";

    /**
     * State that survives the container: keeps the emulator's state and blobs in the named Docker volume
     * {@code volumeName} (created by Docker when missing), mounted at {@link #DATA_DIR}, so a new container with the
     * same volume starts where the last one ended. Saves write-through ({@code MCR_FLUSH_INTERVAL=0}), since
     * Testcontainers stops a container with a kill; {@link #withFlushInterval(String)} trades that for speed.
     * Remove the volume ({@code docker volume rm}) to start afresh.
     */
    public McrEmulatorContainer withDataVolume(String volumeName) {
        if (volumeName == null || !volumeName.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+"))
            throw new IllegalArgumentException("not a Docker volume name: '" + volumeName + "'");
        withCreateContainerCmdModifier(cmd -> {
            com.github.dockerjava.api.model.HostConfig host = cmd.getHostConfig() == null
                    ? com.github.dockerjava.api.model.HostConfig.newHostConfig()
                    : cmd.getHostConfig();
            java.util.List<com.github.dockerjava.api.model.Bind> binds = new java.util.ArrayList<>();
            if (host.getBinds() != null) binds.addAll(java.util.List.of(host.getBinds()));
            binds.add(new com.github.dockerjava.api.model.Bind(
                    volumeName, new com.github.dockerjava.api.model.Volume(DATA_DIR)));
            cmd.withHostConfig(host.withBinds(binds));
        });
        withEnv(Setting.DATA_DIR.env(), DATA_DIR);
        return with(Setting.FLUSH_INTERVAL, "0");
    }

    /**
     * How often a data dir is saved ({@code MCR_FLUSH_INTERVAL}): {@code 0} before every answer (write-through), or a
     * duration such as {@code 1s}; a crash loses at most that much.
     */
    public McrEmulatorContainer withFlushInterval(String interval) {
        return with(Setting.FLUSH_INTERVAL, interval);
    }

    /** How long a new image scan stays {@code pending} on the emulator's clock (default 0). */
    public McrEmulatorContainer withScanPendingSeconds(long seconds) {
        return with(Setting.SCAN_PENDING_SECONDS, seconds);
    }

    /** How long an image scan then stays {@code running} before it completes (default 0). */
    public McrEmulatorContainer withScanRunningSeconds(long seconds) {
        return with(Setting.SCAN_RUNNING_SECONDS, seconds);
    }

    /** Images without findings set get a stable synthetic set derived from their digest. */
    public McrEmulatorContainer withSyntheticFindings(boolean on) {
        return with(Setting.SYNTHETIC_FINDINGS, on);
    }

    /**
     * Sends the upstream traffic of proxy caches with this provider ({@code docker-hub}) or URL to {@code target}
     * ({@code MCR_PROXY_UPSTREAM}); call it again to add mappings. Inside the container {@code 127.0.0.1} is the
     * container itself: reach a registry on the host as {@code http://host.testcontainers.internal:<port>} (after
     * {@code Testcontainers.exposeHostPorts(port)}) or a registry container by its network alias.
     */
    public McrEmulatorContainer withProxyUpstream(String providerOrUrl, String target) {
        String mapping = providerOrUrl + "=" + target;
        String before = getEnvMap().get(Setting.PROXY_UPSTREAM.env());
        return with(Setting.PROXY_UPSTREAM, before == null ? mapping : before + "," + mapping);
    }

    /** {@code offline} (default) or {@code network}: whether the proxy-cache status operations ask the upstream. */
    public McrEmulatorContainer withProxyCacheProbe(String mode) {
        return with(Setting.PROXY_CACHE_PROBE, mode);
    }

    /** Timeout of one proxy-cache upstream call, in seconds (default 30). */
    public McrEmulatorContainer withProxyUpstreamTimeoutSeconds(int seconds) {
        return with(Setting.PROXY_UPSTREAM_TIMEOUT_SECONDS, seconds);
    }

    /** {@code not-found} (default: 404 with the reason) or {@code gateway} (502/504) for misses the upstream fails. */
    public McrEmulatorContainer withProxyUpstreamErrors(String style) {
        return with(Setting.PROXY_UPSTREAM_ERRORS, style);
    }

    /**
     * Any setting of the standalone runner by its environment variable, e.g.
     * {@code withSetting("MCR_JOURNAL_CAPACITY", "500")}. A variable of the catalogue has its value checked; an
     * {@code MCR_} variable this module does not know yet (an image newer than the module) is passed as it is.
     */
    public McrEmulatorContainer withSetting(String variable, String value) {
        if (!variable.matches("MCR_[A-Z0-9_]+"))
            throw new IllegalArgumentException("not an emulator setting: '" + variable + "' (expected MCR_...)");
        Optional<Setting> known = Setting.byEnv(variable);
        return known.isPresent() ? with(known.get(), value) : withEnv(variable, value);
    }

    private volatile String controlToken;

    /**
     * Requires this token on the test-control API ({@code MCR_CONTROL_TOKEN}); {@link #control()}, {@link #reset()}
     * and {@link #seed(String)} send it.
     */
    public McrEmulatorContainer withControlToken(String token) {
        return with(Setting.CONTROL_TOKEN, token == null ? "" : token);
    }

    /**
     * More host names the control API answers under ({@code MCR_CONTROL_ALLOWED_HOSTS}, comma separated; {@code *}:
     * any), e.g. a docker compose service name. The host this container is reached at is always added.
     */
    public McrEmulatorContainer withControlAllowedHosts(String hosts) {
        return with(Setting.CONTROL_ALLOWED_HOSTS, hosts);
    }

    /** How long a stop waits for requests in flight ({@code MCR_SHUTDOWN_GRACE_SECONDS}, default 10). */
    public McrEmulatorContainer withShutdownGraceSeconds(int seconds) {
        return with(Setting.SHUTDOWN_GRACE_SECONDS, seconds);
    }

    /** Verify mode: refuse tokens without {@code exp} ({@code MCR_JWT_REQUIRE_EXP}, default true). */
    public McrEmulatorContainer withJwtRequireExp(boolean require) {
        return with(Setting.JWT_REQUIRE_EXP, require);
    }

    /** The control token this container was given, or null. */
    public String getControlToken() {
        return controlToken;
    }

    /**
     * The control API answers only Host names it trusts (a guard against DNS rebinding): IP addresses, localhost,
     * and those of {@code MCR_CONTROL_ALLOWED_HOSTS}. The host this container is reached at (a name such as
     * {@code docker} when Docker runs elsewhere) is added to that list.
     */
    @Override
    protected void configure() {
        super.configure();
        String host = getHost();
        String allowed = getEnvMap().get("MCR_CONTROL_ALLOWED_HOSTS");
        withEnv("MCR_CONTROL_ALLOWED_HOSTS", allowed == null || allowed.isBlank() ? host : allowed + "," + host);
    }

    // ---- where to reach it ----

    /** {@code http://host:mappedPort}: bare paths ({@code /v0/...} in the default region, {@code /v2/}, {@code /_emulator/...}). */
    public String getBaseUrl() {
        return "http://" + getRegistryHost();
    }

    /** Base URL for the Go SDK's {@code WithBaseURL} / the CLI: {@code http://host:mappedPort/<region>}. */
    public String getRegionUrl(String region) {
        return getBaseUrl() + "/" + region;
    }

    /** {@link #getRegionUrl(String)} of {@link #DEFAULT_REGION}. */
    public String getRegionUrl() {
        return getRegionUrl(DEFAULT_REGION);
    }

    /** Management API base URL of a region: {@code http://host:mappedPort/<region>/container-registry}. */
    public String getManagementUrl(String region) {
        return getRegionUrl(region) + "/container-registry";
    }

    /** {@link #getManagementUrl(String)} of {@link #DEFAULT_REGION}. */
    public String getManagementUrl() {
        return getManagementUrl(DEFAULT_REGION);
    }

    /** The web console: {@code http://host:mappedPort/_emulator/console/} (docs/console.md). */
    public String getConsoleUrl() {
        return getBaseUrl() + "/_emulator/console/";
    }

    /** The web console filtered to one tenant: {@code .../_emulator/console/#/state?tenant=<id>}. */
    public String getConsoleUrl(String tenant) {
        return getConsoleUrl() + "#/state?tenant="
                + java.net.URLEncoder.encode(tenant, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code host:mappedPort}, the registry part of image references and the server of {@code docker login}. */
    public String getRegistryHost() {
        return getHost() + ":" + getMappedPort(PORT);
    }

    /** {@code host:mappedPort/<registry>/<repository>:<tag>}. */
    public String getImageReference(String registryName, String repository, String tag) {
        return getRegistryHost() + "/" + registryName + "/" + repository + ":" + tag;
    }

    // ---- credentials ----

    /** A new API key ({@code X-API-Key}): in the default auth mode any UUID is the key of a tenant of its own. */
    public static String newApiKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /** The user's docker login pair, from {@code GET /v0/credentials} (created on first call, stable until reset). */
    public DockerCredentials getDockerCredentials(McrUser user) {
        return getDockerCredentials(Map.of("Authorization", user.authorizationHeader()));
    }

    /** The docker login pair of the tenant an API key stands for. */
    public DockerCredentials getDockerCredentialsForApiKey(String apiKey) {
        return getDockerCredentials(Map.of("X-API-Key", apiKey));
    }

    private DockerCredentials getDockerCredentials(Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(getManagementUrl() + "/v0/credentials"))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET /v0/credentials answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Object> body = Json.object(response.body());
        return new DockerCredentials(
                (String) body.get("username"),
                (String) body.get("password"),
                (String) body.get("email"),
                getRegistryHost());
    }

    /**
     * The user's registry user in the default region ({@code POST /v0/users}: created on the first call, the same
     * after); returns its id, what registry memberships name.
     */
    public String createRegistryUser(McrUser user) {
        return (String) management("POST", "/v0/users", user, null, 201).get("id");
    }

    /**
     * Makes {@code member} (of any tenant) a member of {@code registryId} with {@code role} ({@code developer} or
     * {@code guest}), acting as {@code owner} (a user of the registry's tenant): creates the member's registry user
     * when needed, then {@code POST /v0/registries/{id}/members}. Returns the membership id.
     */
    public String addRegistryMember(McrUser owner, String registryId, McrUser member, String role) {
        String userId = createRegistryUser(member);
        String body = "{\"user_id\":\"" + userId + "\",\"role\":\"" + role + "\"}";
        return (String) management("POST", "/v0/registries/" + registryId + "/members", owner, body, 201)
                .get("id");
    }

    private Map<String, Object> management(String method, String path, McrUser user, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(getManagementUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("Authorization", user.authorizationHeader());
        if (body != null) request.header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.object(response.body());
    }

    // ---- test control ----

    /** Forgets everything (registries, images, credentials, seeded data included): {@code POST /_emulator/reset}. */
    public void reset() {
        control().reset();
    }

    /** Adds a seed document (JSON) to the running emulator: {@code POST /_emulator/seed}. */
    public void seed(String seedJson) {
        control().seed(seedJson);
    }

    /**
     * Fault injection, request journal and verification, export/import and snapshots, clock and operations of the
     * running emulator ({@code /_emulator}, docs/control-api.md): the same client the JUnit extension uses, over HTTP.
     */
    public EmulatorControl control() {
        String token = controlToken;
        return new HttpEmulatorControl(
                getBaseUrl(), token == null ? java.util.Map.of() : java.util.Map.of("X-MCR-Control-Token", token));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    // ---- start failures carry the emulator's own words ----

    /**
     * Starts the container; when the emulator does not come up, the exception's message names the problem the
     * emulator logged (e.g. {@code configuration error: unknown auth mode 'x'}) followed by its whole log.
     */
    @Override
    public void start() {
        if (getContainerId() != null) return; // already started
        failedStartLog = null;
        started = false;
        try {
            super.start();
        } catch (ContainerLaunchException e) {
            String log = failedStartLog;
            if (log == null) throw e;
            throw new ContainerLaunchException(startFailureMessage(log), e);
        }
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        started = true;
        super.containerIsStarted(containerInfo);
    }

    @Override
    protected void containerIsStopping(InspectContainerResponse containerInfo) {
        // The only moment the log of a container that failed to start can still be read: Testcontainers stops and
        // removes it before start() throws.
        if (!started) {
            try {
                failedStartLog = getLogs();
            } catch (RuntimeException e) {
                failedStartLog = "(container log unavailable: " + e + ")";
            }
        }
        started = false;
        super.containerIsStopping(containerInfo);
    }

    static String startFailureMessage(String log) {
        List<String> lines = log.lines().collect(Collectors.toList());
        String problem = lines.stream()
                .filter(l -> l.contains("configuration error") || l.contains("Exception") || l.contains("ERROR"))
                .findFirst()
                .orElse(lines.isEmpty() ? "(the container printed nothing)" : lines.get(lines.size() - 1));
        return "mcr-emulator did not start: " + problem.trim() + "\n---- container log ----\n" + log.strip();
    }
}
