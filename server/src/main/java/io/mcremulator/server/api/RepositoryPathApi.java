package io.mcremulator.server.api;

import io.mcremulator.core.Images.RepoRef;
import io.mcremulator.server.http.Call;

/**
 * The deprecated v0 routes under {@code /v0/registries/{registry_id}/repositories/<path>}, where repository
 * names contain '/' and the Go SDK sends them unescaped. The path is read from the right:
 * {@code <repo>/images/<digest_or_tag>}, {@code <repo>/images}, else {@code <repo>}. A repository whose own name
 * matches the whole path wins (docs/behaviour.md).
 */
public final class RepositoryPathApi {
    private final RepositoriesApi repositories;
    private final ImagesApi images;

    public RepositoryPathApi(RepositoriesApi repositories, ImagesApi images) {
        this.repositories = repositories;
        this.images = images;
    }

    /** What a v0 path names. Exactly one of the three shapes. */
    record Target(String repository, boolean imageList, String digestOrTag) {}

    static Target resolve(Call c, String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (c.engine().repositories().exists(c.principal(), c.uuidPath("registry_id"), p))
            return new Target(p, false, null);
        if (p.endsWith("/images")) return new Target(p.substring(0, p.length() - "/images".length()), true, null);
        int i = p.lastIndexOf("/images/");
        if (i > 0) return new Target(p.substring(0, i), false, p.substring(i + "/images/".length()));
        return new Target(p, false, null);
    }

    public void get(Call c) {
        Target t = resolve(c, c.path("repository_path"));
        if (t.imageList()) images.list(c, RepoRef.byName(t.repository()));
        else if (t.digestOrTag() != null) images.get(c, RepoRef.byName(t.repository()), t.digestOrTag());
        else repositories.getV0(c, t.repository());
    }

    public void delete(Call c) {
        Target t = resolve(c, c.path("repository_path"));
        if (t.imageList())
            throw new io.mcremulator.core.error.EmulatorException(
                    io.mcremulator.core.error.ErrorCode.METHOD_NOT_ALLOWED,
                    "method not allowed: DELETE is not defined on an image list",
                    java.util.Map.of());
        if (t.digestOrTag() != null) images.delete(c, RepoRef.byName(t.repository()), t.digestOrTag());
        else repositories.deleteV0(c, t.repository());
    }
}
