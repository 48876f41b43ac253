package io.mcremulator.junit;

import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.seed.SeedDocument;

import java.util.function.Consumer;

/**
 * The running emulator as one test sees it: where it listens, the test's own tenant (token, API key, docker
 * credentials), more tenants and users, seeding, reset and read access to the state.
 *
 * <p>Injected by {@link McrEmulatorExtension} into test methods, {@code @BeforeEach}/{@code @AfterEach} methods
 * (the test's handle, with the test's tenant), and into constructors and {@code @BeforeAll}/{@code @AfterAll}
 * methods (the class's handle, with a tenant of the class).
 *
 * <p>This interface is implemented by the extension only; new capabilities (OCI push helpers, fault injection,
 * request journal, ...) are added as new methods returning new types, so code written against it keeps compiling.
 */
public interface McrEmulator {
    /** The port the server listens on (127.0.0.1). */
    int port();

    /** {@code http://127.0.0.1:<port>}: bare {@code /v0}, {@code /v1} (region br-se1), {@code /v2/} and {@code /_emulator}. */
    String baseUrl();

    /** The default region of this handle (setting {@code region}). */
    Region region();

    /** {@code http://127.0.0.1:<port>/<region>}: what the Go SDK takes as its base URL. */
    default String regionUrl() { return regionUrl(region()); }

    String regionUrl(Region region);

    /** {@code http://127.0.0.1:<port>/<region>/container-registry}: prefix of {@code /v0/...} and {@code /v1/...}. */
    default String managementUrl() { return managementUrl(region()); }

    String managementUrl(Region region);

    /** {@code 127.0.0.1:<port>}: the registry part of image references ({@code host:port/registry/repo:tag}). */
    String registryHost();

    /** The test's own tenant (the class's tenant in a constructor or {@code @BeforeAll}). */
    TestTenant tenant();

    /** A bearer token of the test tenant's primary user. */
    default String bearerToken() { return tenant().bearerToken(); }

    /** {@code Bearer <token>} of the test tenant's primary user. */
    default String authorizationHeader() { return tenant().authorizationHeader(); }

    /** An API key of the test tenant's primary user ({@code X-API-Key}). */
    default String apiKey() { return tenant().apiKey(); }

    /** Docker credentials of the test tenant's primary user in the default region. */
    default DockerCredentials dockerCredentials() { return tenant().dockerCredentials(); }

    /** A further, fresh tenant (removed after the test like the test's own). */
    TestTenant newTenant();

    /** A tenant with a given id, e.g. one named in a seed document. */
    TestTenant tenant(String tenantId);

    /**
     * A registry or proxy-cache name that no other test uses: {@code prefix-<8 random chars>}. Registry names are
     * global across tenants (as in MCR), so parallel tests should not hard-code them.
     */
    String uniqueName(String prefix);

    /** Adds state owned by the test's tenant in the default region, atomically (all or nothing). */
    default void seed(Consumer<SeedBuilder> build) { tenant().seed(build); }

    /** Loads a seed document (docs/seed-format.md): {@code classpath:...} or a file path. */
    void seedFile(String location);

    /** Loads a seed document given as JSON text. */
    void seedJson(String json);

    void seed(SeedDocument document);

    /**
     * In {@link Isolation#TENANT} mode: forgets the state of the tenants this handle made (other tests keep theirs). In
     * {@link Isolation#RESET} mode: resets everything and loads the configured seeds again.
     */
    void reset();

    /** The test tenant's state in the default region, for assertions. */
    default McrState state() { return tenant().state(); }

    Isolation isolation();

    /** The state engine itself, for what this handle does not offer (yet). */
    Emulator engine();
}
