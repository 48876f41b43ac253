package io.mcremulator.server.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcremulator.server.McrEmulatorServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data-dir} in process ({@link McrEmulatorServer.Builder#dataDir}): a stopped server's state and blobs come
 * back in the next one, write-through saves before answering, a damaged state file falls back to the last good one,
 * and one data dir serves one server. The real-process, {@code kill -9} tests are {@link DataDirProcessIT}.
 */
class DataDirTest {
    @TempDir
    Path dir;

    private McrEmulatorServer start(Duration flushInterval) {
        return McrEmulatorServer.builder()
                .dataDir(dir)
                .flushInterval(flushInterval)
                .build()
                .start();
    }

    private RegistryClient client(McrEmulatorServer s) {
        return new RegistryClient(
                s.baseUrl(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    @Test
    void aStoppedServersStateAndBlobsComeBackAfterARestart() {
        McrEmulatorServer first = start(Duration.ofSeconds(1));
        RegistryClient c = client(first).login();
        c.createRegistry("kept");
        c.createRegistry("emptyone");
        byte[] layer = "layer bytes that must survive".getBytes(StandardCharsets.UTF_8);
        RegistryClient.Pushed img = c.pushImage("kept/app", "v1", layer);
        assertThat(c.v2(
                                "PUT",
                                "/v2/kept/app/manifests/latest",
                                "application/vnd.oci.image.manifest.v1+json",
                                img.manifest().getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        String loose = c.pushBlob("kept/other", "uploaded, no manifest yet".getBytes(StandardCharsets.UTF_8));
        // a registry user and its membership (2026-05 operations): kept because the export carries them
        RegistryClient.Answer user = c.mgmt("POST", "/v0/users", null);
        assertThat(user.status()).isEqualTo(201);
        String registryId =
                c.get("/v0/registries?_limit=100").json().findValue("id").asText();
        assertThat(c.mgmt(
                                "POST",
                                "/v0/registries/" + registryId + "/members",
                                "{\"user_id\":\"" + user.json().get("id").asText() + "\",\"role\":\"guest\"}")
                        .status())
                .isEqualTo(201);
        Map<String, String> before = StateView.of(c);
        first.stop();

        McrEmulatorServer second = start(Duration.ofSeconds(1));
        try {
            RegistryClient c2 = c.at(second.baseUrl()).login();
            assertThat(StateView.of(c2)).isEqualTo(before);
            assertThat(c2.v2("GET", "/v2/kept/app/blobs/" + img.layerDigest(), null, null)
                            .body())
                    .isEqualTo(layer);
            assertThat(c2.v2("GET", "/v2/kept/app/manifests/latest", null, null).text())
                    .isEqualTo(img.manifest());
            assertThat(c2.v2("HEAD", "/v2/kept/other/blobs/" + loose, null, null)
                            .status())
                    .isEqualTo(200);
            assertThat(c2.get("/v0/registries/" + registryId + "/members").text())
                    .contains(user.json().get("id").asText());
        } finally {
            second.stop();
        }
    }

    @Test
    void scansAndFindingsRulesComeBackAfterARestart() {
        McrEmulatorServer first = start(Duration.ZERO);
        RegistryClient c = client(first).login();
        c.createRegistry("scanned");
        RegistryClient.Pushed img = c.pushImage("scanned/app", "v1", "scanned layer".getBytes(StandardCharsets.UTF_8));
        io.restassured.RestAssured.given()
                .baseUri(first.baseUrl())
                .contentType("application/json")
                .body("{\"digest\":\"" + img.digest() + "\",\"vulnerabilities\":[{\"cve_id\":\"CVE-2024-6387\","
                        + "\"severity\":\"high\",\"package_name\":\"openssh-client\",\"current_version\":\"1\"}]}")
                .put("/_emulator/findings")
                .then()
                .statusCode(200);
        String registryId =
                c.get("/v0/registries?_limit=100").json().findValue("id").asText();
        String repositoryId = c.get("/v1/registries/" + registryId + "/repositories")
                .json()
                .findValue("id")
                .asText();
        RegistryClient.Answer scheduled = c.mgmt(
                "POST", "/v1/registries/" + registryId + "/repositories/" + repositoryId + "/images/v1/scans", null);
        assertThat(scheduled.status()).isEqualTo(202);
        String scanId = scheduled.json().get("id").asText();
        assertThat(c.get("/v1/scans/" + scanId).text()).contains("\"status\":\"completed\"");
        String vulnerabilities =
                c.get("/v1/scans/" + scanId + "/vulnerabilities").text();
        first.stop();

        McrEmulatorServer second = start(Duration.ZERO);
        try {
            RegistryClient c2 = c.at(second.baseUrl()).login();
            assertThat(c2.get("/v1/scans/" + scanId).text())
                    .contains("\"status\":\"completed\"")
                    .contains("\"high\":1");
            assertThat(c2.get("/v1/scans/" + scanId + "/vulnerabilities").text())
                    .isEqualTo(vulnerabilities);
            assertThat(io.restassured.RestAssured.given()
                            .baseUri(second.baseUrl())
                            .get("/_emulator/findings")
                            .asString())
                    .contains(img.digest());
        } finally {
            second.stop();
        }
    }

    @Test
    void writeThroughHasTheChangeOnDiskBeforeTheAnswer() throws Exception {
        McrEmulatorServer s = start(Duration.ZERO);
        try {
            RegistryClient c = client(s);
            for (int i = 0; i < 5; i++) {
                c.createRegistry("wt" + i);
                assertThat(newestStateText()).contains("\"wt" + i + "\"");
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void withAnIntervalTheChangeReachesTheDiskSoonAfter() throws Exception {
        McrEmulatorServer s = start(Duration.ofMillis(100));
        try {
            client(s).createRegistry("soon");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!newestStateText().contains("\"soon\"")) {
                assertThat(System.nanoTime()).as("saved within 20 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void aDamagedNewestStateFallsBackToTheLastGoodOneAndSetsTheBadOneAside() throws Exception {
        McrEmulatorServer s = start(Duration.ZERO);
        RegistryClient c = client(s);
        c.createRegistry("good");
        c.createRegistry("lost");
        s.stop();
        List<Path> states = stateFiles();
        Path newest = states.get(states.size() - 1);
        byte[] raw = Files.readAllBytes(newest);
        raw[raw.length - 3] ^= 0x20; // one flipped bit in the body
        Files.write(newest, raw);

        McrEmulatorServer again = start(Duration.ZERO);
        try {
            String names = c.at(again.baseUrl()).get("/v0/registries").text();
            assertThat(names).contains("\"good\"");
            assertThat(Files.exists(newest.resolveSibling(newest.getFileName() + ".corrupt")))
                    .isTrue();
        } finally {
            again.stop();
        }
    }

    @Test
    void anImageWhoseBlobFileIsGoneIsListedButNotPullable() throws Exception {
        McrEmulatorServer first = start(Duration.ZERO);
        RegistryClient c = client(first).login();
        c.createRegistry("holes");
        RegistryClient.Pushed img = c.pushImage("holes/app", "v1", "a layer".getBytes(StandardCharsets.UTF_8));
        first.stop();
        Files.delete(dir.resolve("blobs/br-se1/sha256-" + img.layerDigest().substring("sha256:".length())));

        McrEmulatorServer second = start(Duration.ZERO);
        try {
            RegistryClient c2 = c.at(second.baseUrl()).login();
            String registryId = c2.get("/v0/registries").json().findValue("id").asText();
            String repositories =
                    c2.get("/v1/registries/" + registryId + "/repositories").text();
            assertThat(repositories).contains("\"app\"");
            assertThat(c2.v2("GET", "/v2/holes/app/manifests/v1", null, null).status())
                    .isEqualTo(404);
        } finally {
            second.stop();
        }
    }

    @Test
    void aDataDirServesOneServerAtATime() {
        McrEmulatorServer s = start(Duration.ZERO);
        try {
            assertThatThrownBy(() -> start(Duration.ZERO)).hasMessageContaining("in use by another emulator");
        } finally {
            s.stop();
        }
    }

    @Test
    void aSavedStateIsNotSeededAgain() throws Exception {
        Path seed = dir.resolveSibling(dir.getFileName() + "-seed.json");
        String tenant = UUID.randomUUID().toString();
        Files.writeString(seed, "{\"registries\":[{\"tenant\":\"" + tenant + "\",\"name\":\"seeded\"}]}");
        try {
            for (int run = 0; run < 2; run++) {
                McrEmulatorServer s = McrEmulatorServer.builder()
                        .dataDir(dir)
                        .seedFile(seed)
                        .build()
                        .start();
                try {
                    RegistryClient c = new RegistryClient(s.baseUrl(), tenant, "u");
                    assertThat(c.get("/v0/registries").json().get("results")).hasSize(1);
                } finally {
                    s.stop();
                }
            }
        } finally {
            Files.deleteIfExists(seed);
        }
    }

    private List<Path> stateFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("state"))) {
            return s.filter(p -> p.getFileName().toString().matches("state-\\d+\\.json"))
                    .sorted()
                    .toList();
        }
    }

    private String newestStateText() throws Exception {
        List<Path> all = stateFiles();
        return all.isEmpty() ? "" : Files.readString(all.get(all.size() - 1));
    }
}
