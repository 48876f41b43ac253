package io.mcremulator.server.routing;

import io.mcremulator.server.api.CredentialsApi;
import io.mcremulator.server.api.ImagesApi;
import io.mcremulator.server.api.ManagementPipeline;
import io.mcremulator.server.api.MembersApi;
import io.mcremulator.server.api.ProxyCachesApi;
import io.mcremulator.server.api.RegistriesApi;
import io.mcremulator.server.api.RepositoriesApi;
import io.mcremulator.server.api.RepositoryPathApi;
import io.mcremulator.server.api.ScansApi;
import io.mcremulator.server.api.UsersApi;
import io.mcremulator.server.control.ControlApi;
import io.mcremulator.server.oci.OciBlobsApi;
import io.mcremulator.server.oci.OciListsApi;
import io.mcremulator.server.oci.OciManifestsApi;
import io.mcremulator.server.oci.OciPipeline;
import io.mcremulator.server.oci.OciUploadsApi;
import io.mcremulator.server.oci.TokenApi;

/**
 * The handlers the {@link RouteTable} points at, and the pipeline of each API that wraps them.
 *
 * @param management what runs around every management operation (region, auth, scopes)
 * @param oci        what runs around every /v2 operation (auth, OCI error format)
 */
public record Handlers(
        ManagementPipeline management,
        CredentialsApi credentials,
        RegistriesApi registries,
        RepositoriesApi repositories,
        ImagesApi images,
        RepositoryPathApi repositoryPaths,
        ProxyCachesApi proxyCaches,
        ScansApi scans,
        OciPipeline oci,
        OciListsApi ociLists,
        OciBlobsApi ociBlobs,
        OciUploadsApi ociUploads,
        OciManifestsApi ociManifests,
        TokenApi ociToken,
        ControlApi control,
        UsersApi users,
        MembersApi members) {}
