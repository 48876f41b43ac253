package io.mcremulator.core;

import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.seed.SeedDocument;
import java.util.List;
import java.util.function.Function;

/** Checks that a document replacing one tenant's state holds only that tenant's entries. */
final class TenantScope {
    private TenantScope() {}

    static void check(SeedDocument doc, String tenant) {
        each(doc.users(), "users", SeedDocument.User::tenant, tenant);
        each(doc.proxyCaches(), "proxy_caches", SeedDocument.ProxyCache::tenant, tenant);
        each(doc.registries(), "registries", SeedDocument.Registry::tenant, tenant);
        each(doc.apiKeys(), "api_keys", SeedDocument.ApiKey::tenant, tenant);
        each(doc.registryUsers(), "registry_users", SeedDocument.RegistryUser::tenant, tenant);
    }

    private static <T> void each(List<T> items, String name, Function<T, String> tenantOf, String tenant) {
        for (int i = 0; i < items.size(); i++) {
            String t = tenantOf.apply(items.get(i));
            if (!tenant.equals(t)) {
                String path = name + "[" + i + "].tenant";
                throw EmulatorException.badRequest(
                        "invalid import: " + path + " is '" + t + "' but the import replaces tenant '" + tenant
                                + "' only",
                        path,
                        t);
            }
        }
    }
}
