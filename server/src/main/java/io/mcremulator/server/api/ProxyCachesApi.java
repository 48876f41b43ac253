package io.mcremulator.server.api;

import io.mcremulator.core.ProxyCaches;
import io.mcremulator.server.http.Call;
import io.mcremulator.server.http.JsonBody;

/** {@code /v0/proxy-caches}. JSON {@code null} fields (the Go SDK sends them) mean "not given" / "unchanged". */
public final class ProxyCachesApi {
    public void create(Call c) {
        JsonBody b = c.body();
        var created = c.engine()
                .proxyCaches()
                .create(
                        c.principal(),
                        new ProxyCaches.Create(
                                b.requiredString("name"),
                                b.requiredString("provider"),
                                b.requiredString("url"),
                                b.string("access_key"),
                                b.string("access_secret"),
                                b.string("description")));
        c.json(201, Views.proxyCacheCreated(created));
    }

    public void list(Call c) {
        c.json(
                200,
                Views.list(
                        c.engine().proxyCaches().list(c.principal(), c.page(ProxyCaches.SORT)),
                        p -> Views.proxyCache(p, false)));
    }

    public void get(Call c) {
        c.json(200, Views.proxyCache(c.engine().proxyCaches().get(c.principal(), c.uuidPath("proxy_cache_id")), true));
    }

    public void update(Call c) {
        JsonBody b = c.body();
        var provider = b.node().get("provider"); // any value, of any type: core refuses it
        var updated = c.engine()
                .proxyCaches()
                .update(
                        c.principal(),
                        c.uuidPath("proxy_cache_id"),
                        new ProxyCaches.Update(
                                b.string("name"),
                                b.string("url"),
                                b.string("access_key"),
                                b.string("access_secret"),
                                b.string("description"),
                                provider == null || provider.isNull() ? null : provider.asText()));
        c.json(200, Views.proxyCache(updated, true));
    }

    public void delete(Call c) {
        c.engine().proxyCaches().delete(c.principal(), c.uuidPath("proxy_cache_id"));
        c.noContent();
    }

    /** checkProxyCacheCredentialStatus: stores nothing; {@code credential_type} is optional (the Go SDK omits it). */
    public void checkCredentials(Call c) {
        JsonBody b = c.body();
        b.string("credential_type");
        c.json(
                200,
                Views.status(c.engine()
                        .proxyCaches()
                        .checkCredentials(
                                b.requiredString("provider"),
                                b.requiredString("url"),
                                b.requiredString("access_key"),
                                b.requiredString("access_secret"))));
    }

    public void status(Call c) {
        c.json(200, Views.status(c.engine().proxyCaches().status(c.principal(), c.uuidPath("proxy_cache_id"))));
    }
}
