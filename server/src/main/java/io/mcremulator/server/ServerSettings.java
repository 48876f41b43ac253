package io.mcremulator.server;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.auth.AuthSettings;
import io.mcremulator.server.control.ControlSettings;
import io.mcremulator.server.oci.OciSettings;
import io.mcremulator.server.proxy.ProxySettings;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the server is configured with. Built by {@link McrEmulatorServer.Builder}; the standalone main
 * fills it from flags and environment variables.
 *
 * @param getRepositoryStatus status of GET one repository: 200 (default) or 201 as the spec documents (sic)
 * @param maxBodyBytes        limit of management-API request bodies; larger ones get 413
 * @param seedFiles           seed documents loaded at start, in order
 * @param oci                 the /v2 registry API: served region, auth challenge, token lifetime
 * @param control             the test-control plane's settings (request journal)
 * @param persistence         whether state and blobs survive a restart ({@code --data-dir}, {@code --flush-interval})
 * @param proxy               pull-through proxy caches: upstream mapping, status probes, upstream timeout
 * @param shutdownGrace       how long a stop waits for requests in flight to finish (new connections are refused
 *                            at once); then it stops anyway
 */
public record ServerSettings(
        String host,
        int port,
        EmulatorConfig engine,
        AuthSettings auth,
        int getRepositoryStatus,
        int maxBodyBytes,
        List<Path> seedFiles,
        OciSettings oci,
        ControlSettings control,
        io.mcremulator.server.persist.PersistenceSettings persistence,
        ProxySettings proxy,
        java.time.Duration shutdownGrace) {
    public static final java.time.Duration DEFAULT_SHUTDOWN_GRACE = java.time.Duration.ofSeconds(10);

    public ServerSettings {
        if (host == null || host.isBlank()) host = "127.0.0.1";
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, got " + port);
        if (engine == null) engine = EmulatorConfig.defaults();
        if (auth == null) auth = AuthSettings.defaults();
        if (getRepositoryStatus != 200 && getRepositoryStatus != 201) {
            throw new IllegalArgumentException("getRepositoryStatus must be 200 or 201, got " + getRepositoryStatus);
        }
        if (maxBodyBytes < 1024)
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024, got " + maxBodyBytes);
        seedFiles = seedFiles == null ? List.of() : List.copyOf(seedFiles);
        if (oci == null) oci = OciSettings.defaults();
        if (control == null) control = ControlSettings.defaults();
        if (persistence == null) persistence = io.mcremulator.server.persist.PersistenceSettings.none();
        if (persistence.enabled() && !persistence.dataDir().equals(engine.dataDir()))
            engine = engine.toBuilder().dataDir(persistence.dataDir()).build(); // the engine keeps blobs there
        if (proxy == null) proxy = ProxySettings.defaults();
        if (shutdownGrace == null) shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("shutdown grace must be 0 to 600 seconds, got " + shutdownGrace);
        }
    }
}
