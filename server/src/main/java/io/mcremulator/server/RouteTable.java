package io.mcremulator.server;

import static io.mcremulator.server.Operation.READ;
import static io.mcremulator.server.Operation.WRITE;
import static io.mcremulator.server.Operation.control;
import static io.mcremulator.server.Operation.mcr;
import static io.mcremulator.server.Operation.mcrDeprecated;
import static io.mcremulator.server.Operation.oci;

import io.mcremulator.server.api.CredentialsApi;
import io.mcremulator.server.api.ImagesApi;
import io.mcremulator.server.api.ProxyCachesApi;
import io.mcremulator.server.api.RegistriesApi;
import io.mcremulator.server.api.RepositoriesApi;
import io.mcremulator.server.api.RepositoryPathApi;
import io.mcremulator.server.control.ControlApi;
import io.mcremulator.server.oci.OciBlobsApi;
import io.mcremulator.server.oci.OciListsApi;
import io.mcremulator.server.oci.OciManifestsApi;
import io.mcremulator.server.oci.OciPipeline;
import io.mcremulator.server.oci.OciUploadsApi;
import io.mcremulator.server.oci.TokenApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every route the server answers, in one table. Management operations are served under bare {@code /v0|/v1}
 * (region br-se1) and under {@code /{region}/container-registry/v0|v1}. Literal paths come before
 * parameterised siblings ({@code /v0/proxy-caches/status} before {@code /v0/proxy-caches/{proxy_cache_id}}).
 */
public final class RouteTable {
    private RouteTable() {}

    /** The handlers the table points at. */
    public record Handlers(
            CredentialsApi credentials,
            RegistriesApi registries,
            RepositoriesApi repositories,
            ImagesApi images,
            RepositoryPathApi repositoryPaths,
            ProxyCachesApi proxyCaches,
            ControlApi control) {}

    public static List<Operation> management(Handlers h) {
        Set<String> r = Set.of(READ);
        Set<String> w = Set.of(WRITE);
        Set<String> rw = Set.of(READ, WRITE);
        return List.of(
                // credentials
                mcr("getCredentials", "GET", "/v0/credentials", r, h.credentials()::get),
                mcr("resetPassword", "POST", "/v0/credentials/password", w, h.credentials()::resetPassword),
                // registries
                mcr("createRegistry", "POST", "/v0/registries", w, h.registries()::create),
                mcr("getRegistries", "GET", "/v0/registries", r, h.registries()::list),
                mcr("getRegistry", "GET", "/v0/registries/{registry_id}", r, h.registries()::get),
                mcr("deleteRegistry", "DELETE", "/v0/registries/{registry_id}", w, h.registries()::delete),
                // repositories and images, v1 (by id)
                mcr(
                        "getRepositoriesV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories",
                        r,
                        h.repositories()::listV1),
                mcr(
                        "getRepositoryV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}",
                        r,
                        h.repositories()::getV1),
                mcr(
                        "deleteRepositoryV1",
                        "DELETE",
                        "/v1/registries/{registry_id}/repositories/{repository_id}",
                        w,
                        h.repositories()::deleteV1),
                mcr(
                        "getImagesV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images",
                        r,
                        h.images()::listV1),
                mcr(
                        "getImageV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}",
                        r,
                        h.images()::getV1),
                mcr(
                        "deleteImageV1",
                        "DELETE",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}",
                        rw,
                        h.images()::deleteV1),
                // repositories and images, deprecated v0 (by name; names contain '/')
                mcrDeprecated(
                        "getRepositories",
                        "GET",
                        "/v0/registries/{registry_id}/repositories",
                        r,
                        h.repositories()::listV0,
                        null),
                mcrDeprecated(
                        "getRepository|getImages|getImage",
                        "GET",
                        "/v0/registries/{registry_id}/repositories/<repository_path>",
                        r,
                        h.repositoryPaths()::get,
                        "<repo>, <repo>/images or <repo>/images/<digest_or_tag>, read from the right"),
                mcrDeprecated(
                        "deleteRepository|deleteImage",
                        "DELETE",
                        "/v0/registries/{registry_id}/repositories/<repository_path>",
                        rw,
                        h.repositoryPaths()::delete,
                        "<repo> or <repo>/images/<digest_or_tag>, read from the right"),
                // proxy caches
                mcr("createProxyCache", "POST", "/v0/proxy-caches", w, h.proxyCaches()::create),
                mcr("getProxyCaches", "GET", "/v0/proxy-caches", r, h.proxyCaches()::list),
                mcr(
                        "checkProxyCacheCredentialStatus",
                        "POST",
                        "/v0/proxy-caches/status",
                        r,
                        h.proxyCaches()::checkCredentials),
                mcr("getProxyCache", "GET", "/v0/proxy-caches/{proxy_cache_id}", r, h.proxyCaches()::get),
                mcr("updateProxyCache", "PATCH", "/v0/proxy-caches/{proxy_cache_id}", w, h.proxyCaches()::update),
                mcr("deleteProxyCache", "DELETE", "/v0/proxy-caches/{proxy_cache_id}", w, h.proxyCaches()::delete),
                mcr(
                        "getProxyCacheStatus",
                        "GET",
                        "/v0/proxy-caches/{proxy_cache_id}/status",
                        r,
                        h.proxyCaches()::status));
    }

    /** The handlers of the OCI registry API (/v2) and its token endpoint. */
    public record OciHandlers(
            OciPipeline pipeline,
            OciListsApi lists,
            OciBlobsApi blobs,
            OciUploadsApi uploads,
            OciManifestsApi manifests,
            TokenApi token) {}

    /**
     * The OCI Distribution API (Docker Registry v2) of the region {@code OciSettings.region} serves.
     * {@code <name>} is {@code <registry>/<repository path>} and may contain '/'.
     */
    public static List<Operation> registryApi(OciHandlers h) {
        OciPipeline p = h.pipeline();
        String name = "/v2/<name>";
        String upload = name + "/blobs/uploads/{upload_id}";
        return List.of(
                oci("ociToken", "GET", "/service/token", p.open(h.token()::token)),
                oci("ociTokenForm", "POST", "/service/token", p.open(h.token()::tokenForm)),
                oci("ociPing", "GET", "/v2", p.authenticated(h.lists()::ping)),
                oci("ociCatalog", "GET", "/v2/_catalog", p.authenticated(h.lists()::catalog)),
                oci("ociTagsList", "GET", name + "/tags/list", p.authenticated(h.lists()::tags)),
                oci("ociReferrers", "GET", name + "/referrers/{digest}", p.authenticated(h.lists()::referrers)),
                oci("ociManifestGet", "GET", name + "/manifests/{reference}", p.authenticated(h.manifests()::get)),
                oci("ociManifestHead", "HEAD", name + "/manifests/{reference}", p.authenticated(h.manifests()::get)),
                oci("ociManifestPut", "PUT", name + "/manifests/{reference}", p.authenticated(h.manifests()::put)),
                oci(
                        "ociManifestDelete",
                        "DELETE",
                        name + "/manifests/{reference}",
                        p.authenticated(h.manifests()::delete)),
                oci("ociBlobUploadStart", "POST", name + "/blobs/uploads", p.authenticated(h.uploads()::start)),
                oci("ociBlobUploadChunk", "PATCH", upload, p.authenticated(h.uploads()::patch)),
                oci("ociBlobUploadFinish", "PUT", upload, p.authenticated(h.uploads()::finish)),
                oci("ociBlobUploadStatus", "GET", upload, p.authenticated(h.uploads()::status)),
                oci("ociBlobUploadCancel", "DELETE", upload, p.authenticated(h.uploads()::cancel)),
                oci("ociBlobGet", "GET", name + "/blobs/{digest}", p.authenticated(h.blobs()::get)),
                oci("ociBlobHead", "HEAD", name + "/blobs/{digest}", p.authenticated(h.blobs()::get)),
                oci("ociBlobDelete", "DELETE", name + "/blobs/{digest}", p.authenticated(h.blobs()::delete)));
    }

    public static List<Operation> testControl(Handlers h) {
        ControlApi c = h.control();
        return List.of(
                control("index", "GET", "/_emulator", c::index),
                control("health", "GET", "/_emulator/health", c::health),
                control("reset", "POST", "/_emulator/reset", c::reset),
                control("seed", "POST", "/_emulator/seed", c::seed),
                // fault injection
                control("listFaults", "GET", "/_emulator/faults", c.faults()::list),
                control("addFault", "POST", "/_emulator/faults", c.faults()::add),
                control("clearFaults", "DELETE", "/_emulator/faults", c.faults()::clear),
                control("getFault", "GET", "/_emulator/faults/{id}", c.faults()::get),
                control("removeFault", "DELETE", "/_emulator/faults/{id}", c.faults()::remove),
                // request journal
                control("listRequests", "GET", "/_emulator/requests", c.journal()::list),
                control("clearRequests", "DELETE", "/_emulator/requests", c.journal()::clear),
                control("streamRequests", "GET", "/_emulator/requests/stream", c.journal()::stream),
                control("listUnmatchedRequests", "GET", "/_emulator/requests/unmatched", c.journal()::unmatched),
                control("getJournalSettings", "GET", "/_emulator/requests/settings", c.journal()::settings),
                control("updateJournalSettings", "PUT", "/_emulator/requests/settings", c.journal()::updateSettings),
                // export, import, snapshots
                control("exportState", "GET", "/_emulator/export", c.state()::export),
                control("importState", "POST", "/_emulator/import", c.state()::importDocument),
                control("listSnapshots", "GET", "/_emulator/snapshots", c.state()::listSnapshots),
                control("saveSnapshot", "PUT", "/_emulator/snapshots/{name}", c.state()::saveSnapshot),
                control("getSnapshot", "GET", "/_emulator/snapshots/{name}", c.state()::getSnapshot),
                control("deleteSnapshot", "DELETE", "/_emulator/snapshots/{name}", c.state()::deleteSnapshot),
                control("restoreSnapshot", "POST", "/_emulator/snapshots/{name}/restore", c.state()::restoreSnapshot),
                // deterministic time
                control("getClock", "GET", "/_emulator/clock", c.clock()::get),
                control("fixClock", "POST", "/_emulator/clock/fix", c.clock()::fix),
                control("advanceClock", "POST", "/_emulator/clock/advance", c.clock()::advance),
                control("resumeClock", "POST", "/_emulator/clock/resume", c.clock()::resume),
                // coverage and self-description
                control("listOperations", "GET", "/_emulator/operations", c.operations()::list),
                // the web console (docs/console.md): its page and files, and the state as it shows it
                control("getOverview", "GET", "/_emulator/overview", c.overview()::get),
                control("getConsole", "GET", "/_emulator/console", c.console()::index),
                control("getConsoleFile", "GET", "/_emulator/console/{file}", c.console()::file),
                control("getControlOpenApi", "GET", "/_emulator/openapi.json", c.operations()::openApi));
    }

    public static List<Operation> all(Handlers h) {
        List<Operation> all = new ArrayList<>(management(h));
        all.addAll(testControl(h));
        return List.copyOf(all);
    }

    public static List<Operation> all(Handlers h, OciHandlers oci) {
        List<Operation> all = new ArrayList<>(all(h));
        all.addAll(registryApi(oci));
        return List.copyOf(all);
    }
}
