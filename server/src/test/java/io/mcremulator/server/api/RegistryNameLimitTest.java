package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry-name limit is configurable (the 2026-05 spec says 45). */
class RegistryNameLimitTest extends ApiTestBase {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.engine(EmulatorConfig.builder().registryNameMaxLength(45).build());
    }

    @Test
    void theConfiguredLimitApplies() {
        String prefix = uniqueName("n");
        String n45 = prefix + "x".repeat(45 - prefix.length());
        as(Caller.random())
                .body(Map.of("name", n45))
                .contentType("application/json")
                .post("/v0/registries")
                .then()
                .statusCode(201);
        var r = as(Caller.random())
                .body(Map.of("name", n45 + "y"))
                .contentType("application/json")
                .post("/v0/registries");
        assertError(r, 400, "bad_request");
        r.then().body("message", containsString("45"));
    }
}
