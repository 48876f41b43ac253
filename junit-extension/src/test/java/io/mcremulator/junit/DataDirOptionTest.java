package io.mcremulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Option {@code dataDir} (with {@code flushInterval}): what one JUnit run leaves in the data dir is there in the
 * next run, which has a server of its own. Each run is a separate JUnit run (EngineTestKit) that closes its server.
 */
class DataDirOptionTest {
    static final String NAME = "kept" + System.nanoTime();
    static Path dir;

    @Test
    void whatOneRunLeavesIsThereInTheNext() throws IOException {
        dir = Files.createTempDirectory("mcr-junit-data");
        run(FirstRun.class);
        run(SecondRun.class);
        assertThat(SecondRun.found).isTrue();
    }

    private static void run(Class<?> c) {
        EngineExecutionResults r = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .selectors(selectClass(c))
                .execute();
        r.allEvents().failed().stream().forEach(e -> {
            throw new AssertionError("nested run failed: " + e);
        });
        assertThat(r.testEvents().succeeded().count()).isEqualTo(1);
    }

    static McrEmulatorExtension extension() {
        return McrEmulatorExtension.builder()
                .server(ServerScope.CLASS)
                .option("dataDir", dir.toString())
                .option("flushInterval", "0")
                .option("cleanupTenants", "false")
                .build();
    }

    static class FirstRun {
        @RegisterExtension
        static McrEmulatorExtension emulator = extension();

        @Test
        void createsARegistry(McrEmulator mcr) throws Exception {
            int status = Http.postJson(
                            mcr.managementUrl() + "/v0/registries",
                            "Authorization",
                            mcr.authorizationHeader(),
                            "{\"name\":\"" + NAME + "\"}")
                    .statusCode();
            assertThat(status).isEqualTo(201);
        }
    }

    static class SecondRun {
        static boolean found;

        @RegisterExtension
        static McrEmulatorExtension emulator = extension();

        @Test
        void findsIt(McrEmulator mcr) {
            // another test, another tenant: the first run's registry is in the whole state the server exports
            found = Http.get(mcr.baseUrl() + "/_emulator/export", "Accept", "application/json")
                    .body()
                    .contains("\"" + NAME + "\"");
            assertThat(found).isTrue();
        }
    }
}
