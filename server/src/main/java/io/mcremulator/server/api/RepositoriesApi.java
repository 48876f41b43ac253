package io.mcremulator.server.api;

import io.mcremulator.core.Repositories;
import io.mcremulator.server.http.Call;

/** Repositories: {@code /v1/.../repositories/{repository_id}} and the deprecated v0 routes by name. */
public final class RepositoriesApi {
    private final int getStatus;

    /** @param getStatus status of a successful GET of one repository: 200, or 201 as the spec (sic) documents */
    public RepositoriesApi(int getStatus) {
        this.getStatus = getStatus;
    }

    public void listV1(Call c) {
        list(c, true, c.filter("name"));
    }

    /** The v0 list has no name filter in its spec; it is honoured all the same. */
    public void listV0(Call c) {
        list(c, false, c.filter("name"));
    }

    private void list(Call c, boolean withId, String name) {
        var page = c.engine()
                .repositories()
                .list(c.principal(), c.uuidPath("registry_id"), c.page(Repositories.SORT), name);
        c.json(200, Views.repositoryList(page, r -> Views.repository(r, withId)));
    }

    public void getV1(Call c) {
        c.json(
                getStatus,
                Views.repository(
                        c.engine()
                                .repositories()
                                .get(c.principal(), c.uuidPath("registry_id"), c.uuidPath("repository_id")),
                        true));
    }

    public void deleteV1(Call c) {
        c.engine().repositories().delete(c.principal(), c.uuidPath("registry_id"), c.uuidPath("repository_id"));
        c.noContent();
    }

    void getV0(Call c, String name) {
        c.json(
                getStatus,
                Views.repository(c.engine().repositories().get(c.principal(), c.uuidPath("registry_id"), name), false));
    }

    void deleteV0(Call c, String name) {
        c.engine().repositories().delete(c.principal(), c.uuidPath("registry_id"), name);
        c.noContent();
    }
}
