package io.mcremulator.server.api;

import io.mcremulator.core.Registries;
import io.mcremulator.server.http.Call;
import io.mcremulator.server.http.JsonBody;

/** {@code /v0/registries}. */
public final class RegistriesApi {
    public void create(Call c) {
        JsonBody body = c.body();
        String name = body.requiredString("name");
        c.json(
                201,
                Views.registryCreated(
                        c.engine().registries().create(c.principal(), name, body.uuid("proxy_cache_id"))));
    }

    public void list(Call c) {
        c.json(
                200,
                Views.list(
                        c.engine().registries().list(c.principal(), c.page(Registries.SORT), c.filter("name")),
                        Views::registry));
    }

    public void get(Call c) {
        c.json(200, Views.registry(c.engine().registries().get(c.principal(), c.uuidPath("registry_id"))));
    }

    public void delete(Call c) {
        c.engine().registries().delete(c.principal(), c.uuidPath("registry_id"));
        c.noContent();
    }
}
