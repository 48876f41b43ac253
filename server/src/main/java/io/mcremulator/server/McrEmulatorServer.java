package io.mcremulator.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.mcremulator.client.EmulatorControl;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.core.Region;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.server.api.CredentialsApi;
import io.mcremulator.server.api.ImagesApi;
import io.mcremulator.server.api.ManagementPipeline;
import io.mcremulator.server.api.MembersApi;
import io.mcremulator.server.api.ProxyCachesApi;
import io.mcremulator.server.api.RegistriesApi;
import io.mcremulator.server.api.RepositoriesApi;
import io.mcremulator.server.api.RepositoryPathApi;
import io.mcremulator.server.api.UsersApi;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.auth.Authenticator;
import io.mcremulator.server.control.ControlApi;
import io.mcremulator.server.control.ControlGuard;
import io.mcremulator.server.control.ControlPlane;
import io.mcremulator.server.control.ControlSettings;
import io.mcremulator.server.control.SeedParser;
import io.mcremulator.server.http.ClientErrors;
import io.mcremulator.server.http.ErrorHandling;
import io.mcremulator.server.http.RequestTargets;
import io.mcremulator.server.http.Warmup;
import io.mcremulator.server.oci.OciAuth;
import io.mcremulator.server.oci.OciBlobsApi;
import io.mcremulator.server.oci.OciListsApi;
import io.mcremulator.server.oci.OciManifestsApi;
import io.mcremulator.server.oci.OciPipeline;
import io.mcremulator.server.oci.OciSettings;
import io.mcremulator.server.oci.OciUploadsApi;
import io.mcremulator.server.oci.RegistryTokens;
import io.mcremulator.server.oci.TokenApi;
import io.mcremulator.server.operation.Operation;
import io.mcremulator.server.operation.OperationIndex;
import io.mcremulator.server.proxy.ProxySettings;
import io.mcremulator.server.proxy.PullThrough;
import io.mcremulator.server.routing.Handlers;
import io.mcremulator.server.routing.RouteInstaller;
import io.mcremulator.server.routing.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's HTTP server: the MCR management API, the test-control API and (with the OCI module) the
 * registry API, on one port, from one {@link RouteTable}.
 */
public final class McrEmulatorServer implements AutoCloseable {
    static {
        io.mcremulator.server.http.JettyStartup.applyDefaults(); // before any Jetty class loads
    }

    private static final Logger LOG = LoggerFactory.getLogger(McrEmulatorServer.class);

    private final ServerSettings settings;
    private final Emulator emulator;
    private final OperationIndex operations;
    private final ControlPlane controlPlane;
    private final ControlApi controlApi;
    private final Handlers handlers;
    private Javalin app;
    private final InFlight inFlight = new InFlight();
    private volatile boolean draining;

    private McrEmulatorServer(ServerSettings settings) {
        this.settings = settings;
        Warmup.startInBackground(); // overlaps the rest of build and start
        // The data dir is locked before the engine reads its blob folder.
        this.dataDirLock = settings.persistence().enabled()
                ? io.mcremulator.server.persist.DataDirLock.acquire(
                        settings.persistence().dataDir())
                : null;
        this.emulator = new Emulator(settings.engine());
        PullThrough pullThrough = new PullThrough(
                settings.proxy(), settings.engine().blobStorage().maxManifestBytes());
        // The operations first: the control plane hooks into every one of them, and the control handlers need the
        // plane.
        this.operations = new OperationIndex(RouteTable.operations());
        Authenticator authenticator = new Authenticator(settings.auth(), emulator.apiKeys());
        RegistryTokens tokens = new RegistryTokens(
                settings.engine().ids(),
                settings.engine().clock(),
                settings.oci().tokenTtl());
        OciAuth ociAuth = new OciAuth(settings.oci(), tokens);
        OciPipeline oci = new OciPipeline(emulator, settings.oci(), ociAuth);
        this.controlPlane = new ControlPlane(
                emulator,
                authenticator,
                settings.control(),
                operations,
                ctx -> ociAuth.authenticate(ctx, oci.engine().credentials()).tenantId(),
                settings.oci().region());
        pullThrough.observer(controlPlane.upstreamObserver());
        this.controlApi = new ControlApi(emulator, 64 * 1024 * 1024, controlPlane, settings.getRepositoryStatus());
        RepositoriesApi repositories = new RepositoriesApi(settings.getRepositoryStatus());
        ImagesApi images = new ImagesApi();
        this.handlers = new Handlers(
                new ManagementPipeline(emulator, authenticator, settings.maxBodyBytes()),
                new CredentialsApi(),
                new RegistriesApi(),
                repositories,
                images,
                new RepositoryPathApi(repositories, images),
                new ProxyCachesApi(pullThrough),
                new io.mcremulator.server.api.ScansApi(),
                oci,
                new OciListsApi(),
                new OciBlobsApi(pullThrough),
                new OciUploadsApi(),
                new OciManifestsApi(settings.engine().blobStorage().maxManifestBytes(), pullThrough),
                new TokenApi(tokens, ociAuth),
                controlApi,
                new UsersApi(),
                new MembersApi());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Keeps the state in the data dir; null without one. */
    private io.mcremulator.server.persist.Persistence persistence;

    private io.mcremulator.server.persist.DataDirLock dataDirLock;

    /**
     * Starts the server and loads the configured seed files; fails with a message naming a bad file. With a data dir,
     * the saved state is loaded first, and seed files only when there was none (they are part of it already).
     */
    public synchronized McrEmulatorServer start() {
        if (app != null) return this;
        if (settings.persistence().enabled() && dataDirLock == null)
            throw new IllegalStateException("this server was stopped; its data dir is released: build a new one");
        if (settings.persistence().enabled() && persistence == null) {
            persistence = io.mcremulator.server.persist.Persistence.open(emulator, settings.persistence());
        }
        try {
            if (persistence == null || !persistence.loadedSavedState())
                for (Path seed : settings.seedFiles()) loadSeedFile(seed);
            if (persistence != null) {
                persistence.start();
                controlApi.persistenceStatus(persistence::status); // GET /_emulator/health shows what is saved
            }
        } catch (RuntimeException e) {
            if (persistence != null) persistence.close();
            persistence = null;
            throw e;
        }
        Javalin javalin = Javalin.create(this::configure);
        javalin.start(settings.host(), settings.port());
        app = javalin;
        return this;
    }

    private void loadSeedFile(Path seed) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(seed);
        } catch (IOException e) {
            throw new IllegalArgumentException("seed file " + seed + " cannot be read: " + e, e);
        }
        try {
            emulator.seed(SeedParser.parse(bytes));
        } catch (EmulatorException e) {
            throw new IllegalArgumentException("seed file " + seed + ": " + e.getMessage(), e);
        }
    }

    /**
     * Jetty reads request bodies through a buffer of this size (its default is 8 KiB): a 200 MB layer push then
     * takes 8x fewer read calls and parser passes (docs/benchmarks.md, "OCI data plane").
     */
    private static final int INPUT_BUFFER_BYTES = 64 * 1024;

    /**
     * Javalin copies every answer's body to Jetty through a buffer of this size, allocated per request; by default it
     * is Jetty's output buffer size (32 KiB), which was the largest allocation per request in the JFR allocation
     * profile (a create answers 60 bytes). Jetty aggregates the smaller writes in its output buffer, so an answer that
     * fits there now goes out with a Content-Length where one of 8-32 KiB (a list page) went chunked before; larger
     * answers stay chunked. bench/notes.md, change 16.
     */
    private static final int RESULT_COPY_BUFFER_BYTES = 8 * 1024;

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = Long.MAX_VALUE; // bodies are read as streams, each route sets its own limit
        config.router.ignoreTrailingSlashes = true;
        config.http.compressionStrategy = jsonGzip();
        config.http.responseBufferSize = RESULT_COPY_BUFFER_BYTES;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setUriCompliance(UriCompliance.LEGACY);
            http.setSendServerVersion(false);
            http.setInputBufferSize(INPUT_BUFFER_BYTES);
        });
        config.jetty.modifyServletContextHandler(h -> h.getServletHandler().setDecodeAmbiguousURIs(true));
        // Javalin always installs a session handler; nothing here creates a session, so no session id is ever drawn.
        // Jetty's default id manager would seed a SecureRandom at start and load the JDK's security providers for it
        // (~40 classes, ~15 ms): given a Random, it does not.
        config.jetty.modifyServer(
                server -> server.addBean(new DefaultSessionIdManager(server, new java.util.Random())));

        config.routes.before(ctx -> {
            inFlight.started(ctx); // counted until Jetty completes the answer, for the drain on stop
            if (draining) ctx.header("Connection", "close");
        });
        controlPlane.install(config); // journal and fault injection, for every route of the table
        ControlGuard controlGuard = new ControlGuard(settings.control(), settings.host());
        config.jetty.addConnector(
                (server, http) -> RequestTargets.connector(server, http, settings.host(), settings.port()));
        ErrorHandling.install(config); // every error, in the called plane's format; request ids
        config.routes.before(ctx -> {
            EmulatorException badEscape =
                    ClientErrors.badPercentEscape(ctx.req().getRequestURI());
            if (badEscape != null) throw badEscape;
            controlGuard.check(ctx); // Host, Origin, JSON-only and token checks of /_emulator
        });
        RouteInstaller.install(config, RouteTable.routes(), handlers);
    }

    /**
     * Javalin's default gzip (bodies over 1500 bytes, when the client accepts gzip), with JSON named as allowed:
     * otherwise every answer's type was matched case-insensitively against each excluded type, which was ~39 % of a
     * create's CPU in the profile. What gets compressed does not change. /v2 writes its own uncompressed bodies.
     */
    private static CompressionStrategy jsonGzip() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setAllowedMimeTypes(java.util.List.of("application/json")); // the one JSON type the server's answers carry
        return gzip;
    }

    public int port() {
        if (app == null) throw new IllegalStateException("server not started");
        return app.port();
    }

    /** Base URL of bare paths ({@code http://host:port}); management operations are under {@code /v0} and {@code /v1}. */
    public String baseUrl() {
        return "http://" + displayHost() + ":" + port();
    }

    /** Base URL to give the Go SDK's {@code WithBaseURL}: {@code http://host:port/<region>}. */
    public String regionUrl(Region region) {
        return baseUrl() + "/" + region.urlSegment();
    }

    /** Base URL of the region's management API: {@code http://host:port/<region>/container-registry}. */
    public String managementUrl(Region region) {
        return regionUrl(region) + "/container-registry";
    }

    /** The web console: {@code http://host:port/_emulator/console/} (docs/console.md). */
    public String consoleUrl() {
        return baseUrl() + "/_emulator/console/";
    }

    /** {@code host:port} for image references. */
    public String registryHost() {
        return displayHost() + ":" + port();
    }

    private String displayHost() {
        String h = settings.host();
        return h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h;
    }

    public Emulator emulator() {
        return emulator;
    }

    /**
     * The test-control API ({@code /_emulator}) for code in this JVM: the same operations as over HTTP, called
     * directly. {@code new HttpEmulatorControl(baseUrl())} is the same over HTTP.
     */
    public EmulatorControl control() {
        return controlApi.inProcess();
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Every operation of the route table (management, OCI and control), in table order. */
    public List<Operation> operations() {
        return operations.operations();
    }

    /**
     * Stops draining: new connections are refused at once, requests in flight (a body still arriving, a delay fault)
     * get up to {@code ServerSettings.shutdownGrace} to finish, answers during the drain say {@code Connection:
     * close}; then the server stops; with a data dir, it then saves the state and
     * releases the folder.
     */
    public synchronized void stop() {
        if (app != null) {
            draining = true;
            controlPlane.releaseDelays(); // requests waiting on a delay fault carry on and finish
            InFlight.drain(app.jettyServer().server(), inFlight, settings.shutdownGrace());
            app.stop();
            app = null;
        }
        if (persistence != null) {
            persistence.close();
            persistence = null;
        }
        if (dataDirLock != null) {
            dataDirLock.close();
            dataDirLock = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Builder of a server; every option has a default, so {@code builder().build().start()} just works. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private EmulatorConfig engine = EmulatorConfig.defaults();
        private AuthSettings auth = AuthSettings.defaults();
        private int getRepositoryStatus = 200;
        private int maxBodyBytes = 1024 * 1024;
        private final List<Path> seedFiles = new ArrayList<>();
        private OciSettings oci = OciSettings.defaults();
        private ControlSettings control = ControlSettings.defaults();
        private java.time.Duration shutdownGrace = ServerSettings.DEFAULT_SHUTDOWN_GRACE;
        private io.mcremulator.server.persist.PersistenceSettings persistence =
                io.mcremulator.server.persist.PersistenceSettings.none();

        /**
         * Keeps state and blobs in {@code dir} so that they survive a restart ({@code --data-dir}); null keeps them in
         * memory (the default). See {@link io.mcremulator.server.persist.Persistence}.
         */
        public Builder dataDir(Path dir) {
            this.persistence = new io.mcremulator.server.persist.PersistenceSettings(dir, persistence.flushInterval());
            return this;
        }

        /** How often a data dir is saved ({@code --flush-interval}, default 1 s); zero saves before each answer. */
        public Builder flushInterval(java.time.Duration interval) {
            this.persistence = new io.mcremulator.server.persist.PersistenceSettings(persistence.dataDir(), interval);
            return this;
        }

        private ProxySettings proxy = ProxySettings.defaults();

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder engine(EmulatorConfig engine) {
            this.engine = engine;
            return this;
        }

        public Builder auth(AuthSettings auth) {
            this.auth = auth;
            return this;
        }

        public Builder getRepositoryStatus(int status) {
            this.getRepositoryStatus = status;
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How long {@link #stop()} waits for requests in flight (default 10 s); see docs/behaviour.md. */
        public Builder shutdownGrace(java.time.Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public Builder seedFile(Path file) {
            this.seedFiles.add(file);
            return this;
        }
        /** The /v2 registry API: which region it serves, Bearer or Basic challenge, token lifetime. */
        public Builder oci(OciSettings oci) {
            this.oci = oci;
            return this;
        }
        /** Journal size, body limit and unmatched-request recording of the test-control plane. */
        public Builder control(ControlSettings control) {
            this.control = control;
            return this;
        }

        /** Pull-through proxy caches: {@code --proxy-upstream} mappings, network status probes, upstream timeout. */
        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        /** Changes the proxy settings built so far, e.g. {@code proxy(p -> p.withProbe(ProxySettings.Probe.NETWORK))}. */
        public Builder proxy(java.util.function.UnaryOperator<ProxySettings> change) {
            this.proxy = change.apply(proxy);
            return this;
        }

        /** Sends a provider's or a URL's upstream traffic to {@code target} (e.g. a local registry a test started). */
        public Builder proxyUpstream(String providerOrUrl, String target) {
            this.proxy = proxy.withUpstream(providerOrUrl, target);
            return this;
        }

        /**
         * Requires this token on the test-control API ({@code Authorization: Bearer <token>}); null: none. Keeps the
         * allowed host names of {@link #control}; call after it.
         */
        public Builder controlToken(String token) {
            ControlSettings c = control == null ? ControlSettings.defaults() : control;
            this.control = c.withAccess(token, c.allowedHosts());
            return this;
        }

        /**
         * Deterministic mode: ids and passwords drawn from {@code seed}, and the clock fixed at {@code clockAt} (move it
         * with {@code POST /_emulator/clock/advance}). Two servers built alike answer the same calls identically.
         */
        public Builder deterministic(long seed, java.time.Instant clockAt) {
            this.engine = engine.toBuilder()
                    .ids(io.mcremulator.core.time.IdSource.seeded(seed))
                    .clock(io.mcremulator.core.time.ControllableClock.fixed(clockAt))
                    .build();
            return this;
        }

        public ServerSettings settings() {
            return new ServerSettings(
                    host,
                    port,
                    engine,
                    auth,
                    getRepositoryStatus,
                    maxBodyBytes,
                    seedFiles,
                    oci,
                    control,
                    persistence,
                    proxy,
                    shutdownGrace);
        }

        public McrEmulatorServer build() {
            return new McrEmulatorServer(settings());
        }
    }
}
