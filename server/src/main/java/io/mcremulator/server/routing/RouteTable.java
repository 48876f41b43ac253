package io.mcremulator.server.routing;

import static io.mcremulator.server.operation.Operation.READ;
import static io.mcremulator.server.operation.Operation.WRITE;
import static io.mcremulator.server.routing.Route.control;
import static io.mcremulator.server.routing.Route.mcr;
import static io.mcremulator.server.routing.Route.mcrDeprecated;
import static io.mcremulator.server.routing.Route.oci;
import static io.mcremulator.server.routing.Route.ociOpen;

import io.mcremulator.server.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every route the server answers, in one table: each row names its operation, method, path and handler (picked from
 * {@link Handlers}). Management operations are served under bare {@code /v0|/v1} (region br-se1) and under
 * {@code /{region}/container-registry/v0|v1}. Literal paths come before parameterised siblings
 * ({@code /v0/proxy-caches/status} before {@code /v0/proxy-caches/{proxy_cache_id}}). {@link RouteInstaller} turns the
 * rows into Javalin endpoints.
 */
public final class RouteTable {
    private RouteTable() {}

    /** Every row: management API, test-control API, OCI registry API. */
    public static List<Route> routes() {
        List<Route> all = new ArrayList<>(management());
        all.addAll(testControl());
        all.addAll(registryApi());
        return List.copyOf(all);
    }

    /** The operations of every row, in table order (what the operation index is built from). */
    public static List<Operation> operations() {
        return routes().stream().map(Route::operation).toList();
    }

    static List<Route> management() {
        Set<String> r = Set.of(READ);
        Set<String> w = Set.of(WRITE);
        Set<String> rw = Set.of(READ, WRITE);
        return List.of(
                // credentials
                mcr("getCredentials", "GET", "/v0/credentials", r, h -> h.credentials()::get),
                mcr("resetPassword", "POST", "/v0/credentials/password", w, h -> h.credentials()::resetPassword),
                // registries
                mcr("createRegistry", "POST", "/v0/registries", w, h -> h.registries()::create),
                mcr("getRegistries", "GET", "/v0/registries", r, h -> h.registries()::list),
                mcr("getRegistry", "GET", "/v0/registries/{registry_id}", r, h -> h.registries()::get),
                mcr("deleteRegistry", "DELETE", "/v0/registries/{registry_id}", w, h -> h.registries()::delete),
                // registry users (2026-05): the caller's identity
                mcr("createUser", "POST", "/v0/users", w, h -> h.users()::create),
                mcr("getUser", "GET", "/v0/users", r, h -> h.users()::get),
                mcr("deleteUser", "DELETE", "/v0/users/{user_id}", w, h -> h.users()::delete),
                // registry members and roles (2026-05); roles gate /v2
                mcr("addRegistryMember", "POST", "/v0/registries/{registry_id}/members", w, h -> h.members()::add),
                mcr("getRegistryMembers", "GET", "/v0/registries/{registry_id}/members", r, h -> h.members()::list),
                mcr(
                        "getRegistryMember",
                        "GET",
                        "/v0/registries/{registry_id}/members/{member_id}",
                        r,
                        h -> h.members()::get),
                mcr(
                        "updateRegistryMember",
                        "PATCH",
                        "/v0/registries/{registry_id}/members/{member_id}",
                        w,
                        h -> h.members()::update),
                mcr(
                        "deleteRegistryMember",
                        "DELETE",
                        "/v0/registries/{registry_id}/members/{member_id}",
                        w,
                        h -> h.members()::delete),
                // repositories and images, v1 (by id)
                mcr(
                        "getRepositoriesV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories",
                        r,
                        h -> h.repositories()::listV1),
                mcr(
                        "getRepositoryV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}",
                        r,
                        h -> h.repositories()::getV1),
                mcr(
                        "deleteRepositoryV1",
                        "DELETE",
                        "/v1/registries/{registry_id}/repositories/{repository_id}",
                        w,
                        h -> h.repositories()::deleteV1),
                mcr(
                        "getImagesV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images",
                        r,
                        h -> h.images()::listV1),
                mcr(
                        "getImageV1",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}",
                        r,
                        h -> h.images()::getV1),
                mcr(
                        "deleteImageV1",
                        "DELETE",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}",
                        rw,
                        h -> h.images()::deleteV1),
                // image scans (2026-05 contract)
                mcr(
                        "scheduleImageScan",
                        "POST",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}/scans",
                        rw,
                        h -> h.scans()::schedule),
                mcr(
                        "getImageScans",
                        "GET",
                        "/v1/registries/{registry_id}/repositories/{repository_id}/images/{digest_or_tag}/scans",
                        r,
                        h -> h.scans()::list),
                mcr("getImageScan", "GET", "/v1/scans/{scan_id}", r, h -> h.scans()::get),
                mcr(
                        "getImageScanVulnerabilities",
                        "GET",
                        "/v1/scans/{scan_id}/vulnerabilities",
                        r,
                        h -> h.scans()::vulnerabilities),
                mcr("stopImageScan", "POST", "/v1/scans/{scan_id}/stop", w, h -> h.scans()::stop),
                // repositories and images, deprecated v0 (by name; names contain '/')
                mcrDeprecated(
                        "getRepositories",
                        "GET",
                        "/v0/registries/{registry_id}/repositories",
                        r,
                        h -> h.repositories()::listV0,
                        null),
                mcrDeprecated(
                        "getRepository|getImages|getImage",
                        "GET",
                        "/v0/registries/{registry_id}/repositories/<repository_path>",
                        r,
                        h -> h.repositoryPaths()::get,
                        "<repo>, <repo>/images or <repo>/images/<digest_or_tag>, read from the right"),
                mcrDeprecated(
                        "deleteRepository|deleteImage",
                        "DELETE",
                        "/v0/registries/{registry_id}/repositories/<repository_path>",
                        rw,
                        h -> h.repositoryPaths()::delete,
                        "<repo> or <repo>/images/<digest_or_tag>, read from the right"),
                // proxy caches
                mcr("createProxyCache", "POST", "/v0/proxy-caches", w, h -> h.proxyCaches()::create),
                mcr("getProxyCaches", "GET", "/v0/proxy-caches", r, h -> h.proxyCaches()::list),
                mcr(
                        "checkProxyCacheCredentialStatus",
                        "POST",
                        "/v0/proxy-caches/status",
                        r,
                        h -> h.proxyCaches()::checkCredentials),
                mcr("getProxyCache", "GET", "/v0/proxy-caches/{proxy_cache_id}", r, h -> h.proxyCaches()::get),
                mcr("updateProxyCache", "PATCH", "/v0/proxy-caches/{proxy_cache_id}", w, h -> h.proxyCaches()::update),
                mcr("deleteProxyCache", "DELETE", "/v0/proxy-caches/{proxy_cache_id}", w, h -> h.proxyCaches()::delete),
                mcr(
                        "getProxyCacheStatus",
                        "GET",
                        "/v0/proxy-caches/{proxy_cache_id}/status",
                        r,
                        h -> h.proxyCaches()::status));
    }

    /**
     * The OCI Distribution API (Docker Registry v2) of the region {@code OciSettings.region} serves.
     * {@code <name>} is {@code <registry>/<repository path>} and may contain '/'.
     */
    static List<Route> registryApi() {
        String name = "/v2/<name>";
        String upload = name + "/blobs/uploads/{upload_id}";
        return List.of(
                ociOpen("ociToken", "GET", "/service/token", h -> h.ociToken()::token),
                ociOpen("ociTokenForm", "POST", "/service/token", h -> h.ociToken()::tokenForm),
                oci("ociPing", "GET", "/v2", h -> h.ociLists()::ping),
                oci("ociCatalog", "GET", "/v2/_catalog", h -> h.ociLists()::catalog),
                oci("ociTagsList", "GET", name + "/tags/list", h -> h.ociLists()::tags),
                oci("ociReferrers", "GET", name + "/referrers/{digest}", h -> h.ociLists()::referrers),
                oci("ociManifestGet", "GET", name + "/manifests/{reference}", h -> h.ociManifests()::get),
                oci("ociManifestHead", "HEAD", name + "/manifests/{reference}", h -> h.ociManifests()::get),
                oci("ociManifestPut", "PUT", name + "/manifests/{reference}", h -> h.ociManifests()::put),
                oci("ociManifestDelete", "DELETE", name + "/manifests/{reference}", h -> h.ociManifests()::delete),
                oci("ociBlobUploadStart", "POST", name + "/blobs/uploads", h -> h.ociUploads()::start),
                oci("ociBlobUploadChunk", "PATCH", upload, h -> h.ociUploads()::patch),
                oci("ociBlobUploadFinish", "PUT", upload, h -> h.ociUploads()::finish),
                oci("ociBlobUploadStatus", "GET", upload, h -> h.ociUploads()::status),
                oci("ociBlobUploadCancel", "DELETE", upload, h -> h.ociUploads()::cancel),
                oci("ociBlobGet", "GET", name + "/blobs/{digest}", h -> h.ociBlobs()::get),
                oci("ociBlobHead", "HEAD", name + "/blobs/{digest}", h -> h.ociBlobs()::get),
                oci("ociBlobDelete", "DELETE", name + "/blobs/{digest}", h -> h.ociBlobs()::delete));
    }

    static List<Route> testControl() {
        return List.of(
                control("index", "GET", "/_emulator", h -> h.control()::index),
                control("health", "GET", "/_emulator/health", h -> h.control()::health),
                control("reset", "POST", "/_emulator/reset", h -> h.control()::reset),
                control("seed", "POST", "/_emulator/seed", h -> h.control()::seed),
                // fault injection
                control(
                        "listFaults",
                        "GET",
                        "/_emulator/faults",
                        h -> h.control().faults()::list),
                control(
                        "addFault",
                        "POST",
                        "/_emulator/faults",
                        h -> h.control().faults()::add),
                control(
                        "clearFaults",
                        "DELETE",
                        "/_emulator/faults",
                        h -> h.control().faults()::clear),
                control(
                        "getFault",
                        "GET",
                        "/_emulator/faults/{id}",
                        h -> h.control().faults()::get),
                control(
                        "removeFault",
                        "DELETE",
                        "/_emulator/faults/{id}",
                        h -> h.control().faults()::remove),
                // request journal
                control(
                        "listRequests",
                        "GET",
                        "/_emulator/requests",
                        h -> h.control().journal()::list),
                control(
                        "clearRequests",
                        "DELETE",
                        "/_emulator/requests",
                        h -> h.control().journal()::clear),
                control(
                        "streamRequests",
                        "GET",
                        "/_emulator/requests/stream",
                        h -> h.control().journal()::stream),
                control(
                        "listUnmatchedRequests",
                        "GET",
                        "/_emulator/requests/unmatched",
                        h -> h.control().journal()::unmatched),
                control(
                        "getJournalSettings",
                        "GET",
                        "/_emulator/requests/settings",
                        h -> h.control().journal()::settings),
                control(
                        "updateJournalSettings",
                        "PUT",
                        "/_emulator/requests/settings",
                        h -> h.control().journal()::updateSettings),
                // export, import, snapshots
                control(
                        "exportState",
                        "GET",
                        "/_emulator/export",
                        h -> h.control().state()::export),
                control(
                        "importState",
                        "POST",
                        "/_emulator/import",
                        h -> h.control().state()::importDocument),
                control(
                        "listSnapshots",
                        "GET",
                        "/_emulator/snapshots",
                        h -> h.control().state()::listSnapshots),
                control(
                        "saveSnapshot",
                        "PUT",
                        "/_emulator/snapshots/{name}",
                        h -> h.control().state()::saveSnapshot),
                control(
                        "getSnapshot",
                        "GET",
                        "/_emulator/snapshots/{name}",
                        h -> h.control().state()::getSnapshot),
                control(
                        "deleteSnapshot",
                        "DELETE",
                        "/_emulator/snapshots/{name}",
                        h -> h.control().state()::deleteSnapshot),
                control(
                        "restoreSnapshot",
                        "POST",
                        "/_emulator/snapshots/{name}/restore",
                        h -> h.control().state()::restoreSnapshot),
                // deterministic time
                control("getClock", "GET", "/_emulator/clock", h -> h.control().clock()::get),
                control(
                        "fixClock",
                        "POST",
                        "/_emulator/clock/fix",
                        h -> h.control().clock()::fix),
                control(
                        "advanceClock",
                        "POST",
                        "/_emulator/clock/advance",
                        h -> h.control().clock()::advance),
                control(
                        "resumeClock",
                        "POST",
                        "/_emulator/clock/resume",
                        h -> h.control().clock()::resume),
                // image scans: progress and findings
                control(
                        "getScanSettings",
                        "GET",
                        "/_emulator/scans/settings",
                        h -> h.control().scans()::settings),
                control(
                        "updateScanSettings",
                        "PUT",
                        "/_emulator/scans/settings",
                        h -> h.control().scans()::updateSettings),
                control(
                        "failNextScans",
                        "POST",
                        "/_emulator/scans/fail-next",
                        h -> h.control().scans()::failNext),
                control(
                        "completeAllScans",
                        "POST",
                        "/_emulator/scans/complete",
                        h -> h.control().scans()::completeAll),
                control(
                        "listFindings",
                        "GET",
                        "/_emulator/findings",
                        h -> h.control().scans()::listFindings),
                control(
                        "putFindings",
                        "PUT",
                        "/_emulator/findings",
                        h -> h.control().scans()::putFindings),
                control(
                        "deleteFindings",
                        "DELETE",
                        "/_emulator/findings",
                        h -> h.control().scans()::deleteFindings),
                // coverage and self-description
                control(
                        "listOperations",
                        "GET",
                        "/_emulator/operations",
                        h -> h.control().operations()::list),
                control(
                        "getControlOpenApi",
                        "GET",
                        "/_emulator/openapi.json",
                        h -> h.control().operations()::openApi),
                // the web console (docs/console.md): its page and files, and the state as it shows it
                control(
                        "getOverview",
                        "GET",
                        "/_emulator/overview",
                        h -> h.control().overview()::get),
                control(
                        "getConsole",
                        "GET",
                        "/_emulator/console",
                        h -> h.control().console()::index),
                control(
                        "getConsoleFile",
                        "GET",
                        "/_emulator/console/{file}",
                        h -> h.control().console()::file));
    }
}
