package io.mcremulator.core;

/** The operations of one region, grouped by resource. Each region has its own, separate state. */
public final class RegionEngine {
    private final RegionState state;
    private final Registries registries;
    private final Repositories repositories;
    private final Images images;
    private final ProxyCaches proxyCaches;
    private final Credentials credentials;
    private final OciBlobs ociBlobs;
    private final OciManifests ociManifests;
    private final Users users;
    private final Members members;
    private final Scans scans;

    RegionEngine(RegionState state) {
        this.state = state;
        this.registries = new Registries(state);
        this.repositories = new Repositories(state);
        this.images = new Images(state);
        this.proxyCaches = new ProxyCaches(state);
        this.credentials = new Credentials(state);
        this.ociBlobs = new OciBlobs(state);
        this.ociManifests = new OciManifests(state);
        this.users = new Users(state);
        this.members = new Members(state);
        this.scans = new Scans(state);
    }

    public Region region() {
        return state.region;
    }

    public Registries registries() {
        return registries;
    }

    public Repositories repositories() {
        return repositories;
    }

    public Images images() {
        return images;
    }

    public ProxyCaches proxyCaches() {
        return proxyCaches;
    }

    /** Registry users ({@code /v0/users}). */
    public Users users() {
        return users;
    }

    /** Registry members and their roles ({@code /v0/registries/{id}/members}). */
    public Members members() {
        return members;
    }

    /** Image scans and their findings. */
    public Scans scans() {
        return scans;
    }

    public Credentials credentials() {
        return credentials;
    }
    /** OCI data plane: blobs and uploads. */
    public OciBlobs ociBlobs() {
        return ociBlobs;
    }
    /** OCI data plane: manifests, tags, catalog, referrers. */
    public OciManifests ociManifests() {
        return ociManifests;
    }

    RegionState state() {
        return state;
    }
}
