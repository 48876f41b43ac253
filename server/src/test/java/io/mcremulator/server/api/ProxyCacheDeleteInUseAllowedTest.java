package io.mcremulator.server.api;

import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the in-use check switched off, a proxy cache used by a registry can be deleted; the registry keeps its id. */
class ProxyCacheDeleteInUseAllowedTest extends ApiTestBase {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.engine(
                EmulatorConfig.builder().proxyCacheInUseDeleteConflict(false).build());
    }

    @Test
    void deleteInUseIsAllowed() {
        Caller c = Caller.random();
        String pc = createProxyCache(c, uniqueName("pc"));
        String reg = as(c).contentType("application/json")
                .body(Map.of("name", uniqueName("r"), "proxy_cache_id", pc))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(c).delete("/v0/proxy-caches/" + pc).then().statusCode(204);
        as(c).get("/v0/registries/" + reg).then().statusCode(200).body("proxy_cache_id", equalTo(pc));
    }
}
