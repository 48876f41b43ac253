package io.mcremulator.server.api;

import io.mcremulator.core.Images;
import io.mcremulator.core.Images.RepoRef;
import io.mcremulator.server.http.Call;
import java.util.Set;

/** Images of a repository, addressed by repository id (v1) or name (deprecated v0). */
public final class ImagesApi {
    public void listV1(Call c) {
        list(c, RepoRef.byId(c.uuidPath("repository_id")));
    }

    public void getV1(Call c) {
        get(c, RepoRef.byId(c.uuidPath("repository_id")), c.path("digest_or_tag"));
    }

    public void deleteV1(Call c) {
        delete(c, RepoRef.byId(c.uuidPath("repository_id")), c.path("digest_or_tag"));
    }

    void list(Call c, RepoRef repo) {
        Set<String> expand = c.expand(Views.EXPANDS);
        var page = c.engine()
                .images()
                .list(c.principal(), c.uuidPath("registry_id"), repo, c.page(Images.SORT), c.filter("name"));
        c.json(200, Views.list(page, i -> Views.image(i, expand)));
    }

    /**
     * One image: the required fields plus manifest_media_type, media_type and tags_details; extra_attr only when
     * {@code expand} names it (the Go SDK decodes it as a string and fails on an object).
     */
    void get(Call c, RepoRef repo, String digestOrTag) {
        Set<String> expand = new java.util.LinkedHashSet<>(c.expand(Views.EXPANDS));
        expand.add(Views.EXPAND_MANIFEST_MEDIA_TYPE);
        expand.add(Views.EXPAND_MEDIA_TYPE);
        expand.add(Views.EXPAND_TAGS_DETAILS);
        c.json(
                200,
                Views.image(
                        c.engine().images().get(c.principal(), c.uuidPath("registry_id"), repo, digestOrTag), expand));
    }

    void delete(Call c, RepoRef repo, String digestOrTag) {
        c.engine().images().delete(c.principal(), c.uuidPath("registry_id"), repo, digestOrTag);
        c.noContent();
    }
}
