package io.mcremulator.server.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A seed file given to the builder is loaded at start; a bad one stops the start with a message naming the field. */
class SeedFileAtStartupTest extends ApiTestBase {
    static final Caller OWNER = Caller.random();
    static final String NAME = uniqueName("from-file");

    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.seedFile(write("{\"registries\": [{\"tenant\": \"" + OWNER.tenantId() + "\", \"name\": \"" + NAME
                + "\"," + " \"repositories\": [{\"name\": \"lib/x\"}]}]}"));
    }

    static Path write(String json) {
        try {
            Path f = Files.createTempFile("seed", ".json");
            f.toFile().deleteOnExit();
            return Files.writeString(f, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFileIsLoaded() {
        as(OWNER).get("/v0/registries").then().body("results[0].name", equalTo(NAME));
        String id = as(OWNER).get("/v0/registries").path("results[0].id");
        as(OWNER).get("/v0/registries/" + id + "/repositories/lib/x").then().statusCode(200);
    }

    @Test
    void aBadFileFailsTheStartNamingTheField() {
        Path bad = write("{\"registries\": [{\"tenant\": \"t\", \"name\": \"UPPER\"}]}");
        assertThatThrownBy(
                        () -> McrEmulatorServer.builder().seedFile(bad).build().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("registries[0].name");
        Path missing = bad.resolveSibling("does-not-exist.json");
        assertThatThrownBy(() ->
                        McrEmulatorServer.builder().seedFile(missing).build().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does-not-exist.json");
        assertThat(bad).exists();
    }
}
