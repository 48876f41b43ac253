package io.mcremulator.junit;

import io.mcremulator.client.DockerCredentials;
import io.mcremulator.client.OperationInfo;
import io.mcremulator.client.RecordedRequest;
import io.mcremulator.client.Verification;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.seed.SeedDocument;
import java.util.List;
import java.util.Map;
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
    default String regionUrl() {
        return regionUrl(region());
    }

    String regionUrl(Region region);

    /** {@code http://127.0.0.1:<port>/<region>/container-registry}: prefix of {@code /v0/...} and {@code /v1/...}. */
    default String managementUrl() {
        return managementUrl(region());
    }

    String managementUrl(Region region);

    /** {@code 127.0.0.1:<port>}: the registry part of image references ({@code host:port/registry/repo:tag}). */
    String registryHost();

    /** The test's own tenant (the class's tenant in a constructor or {@code @BeforeAll}). */
    TestTenant tenant();

    /**
     * The web console showing this handle's tenant: {@code http://127.0.0.1:<port>/_emulator/console/#/state?tenant=<id>}
     * (docs/console.md). Failing tests print it in their failure message (option {@code consoleLinkOnFailure}).
     */
    default String consoleUrl() {
        return baseUrl() + "/_emulator/console/#/state?tenant="
                + java.net.URLEncoder.encode(tenant().id(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A bearer token of the test tenant's primary user. */
    default String bearerToken() {
        return tenant().bearerToken();
    }

    /** {@code Bearer <token>} of the test tenant's primary user. */
    default String authorizationHeader() {
        return tenant().authorizationHeader();
    }

    /** An API key of the test tenant's primary user ({@code X-API-Key}). */
    default String apiKey() {
        return tenant().apiKey();
    }

    /** Docker credentials of the test tenant's primary user in the default region. */
    default DockerCredentials dockerCredentials() {
        return tenant().dockerCredentials();
    }

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
    default void seed(Consumer<SeedBuilder> build) {
        tenant().seed(build);
    }

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
    default McrState state() {
        return tenant().state();
    }

    Isolation isolation();

    /** The state engine itself, for what this handle does not offer (yet). */
    Emulator engine();

    // ------------------------------------------------------------------ test control (docs/control-api.md)

    /**
     * Fault injection: {@code faults().add(FaultSpec.operation("createRegistry").status(503).firstN(2))}. Rules are
     * removed after the test; under TENANT isolation a rule without a tenant only hits this handle's tenant.
     */
    McrFaults faults();

    /**
     * The journal's requests of one operation made by this test, oldest first: under TENANT isolation those sent with
     * the credentials of the handle's tenants (its own and {@link #newTenant()}'s), under RESET isolation every request
     * since the test started.
     */
    default List<RecordedRequest> requests(String operationId) {
        return requests(Map.of("operationId", operationId));
    }

    /**
     * Journal entries matching {@code filters} (operationId, method, path, tenant, region, status, unmatched, faultId,
     * bodyContains, since, limit; docs/control-api.md), scoped like {@link #requests(String)} unless a
     * {@code tenant} filter is given.
     */
    List<RecordedRequest> requests(Map<String, String> filters);

    /**
     * {@code verify("createRegistry").withBodyContaining("\"name\":\"x\"").calledTimes(1)}, over the requests
     * {@link #requests(Map)} sees. An operation id the emulator does not have throws {@link IllegalArgumentException}
     * naming the close ones (the ids are listed in docs/junit.md).
     */
    Verification verify(String operationId);

    /**
     * Fails with an {@link AssertionError} listing them when this test called routes the emulator does not have:
     * requests sent with the handle's tenants' credentials, and requests without credentials (those carry no tenant)
     * recorded while the test ran when {@code failOnUnmatchedRequests} is on (otherwise since the server started).
     * In parallel mode a credential-less request may come from another test running at the same time. Called after
     * each test when {@code failOnUnmatchedRequests} is on.
     */
    void assertNoUnmatchedRequests();

    /** Export, import and checkpoints of the state. */
    McrSnapshots snapshots();

    /** The server's clock (one per server: see {@link McrClock} about parallel tests). */
    McrClock clock();

    /** Image scans: what they find and how they progress (one per server, like the clock). */
    McrScans scans();

    /** Every operation the server implements, with its known deviations from the contract. */
    List<OperationInfo> operations();
}
