package io.mcremulator.server.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar with {@code --data-dir}, as real processes: a clean stop (SIGTERM) and restart gives back
 * everything (management answers, the export, blob and manifest bytes); {@code kill -9} in the middle of many
 * concurrent creates or of pushes loses no acknowledged write with write-through ({@code --flush-interval 0}) and
 * leaves nothing half-written; a damaged state file is reported on stderr and the last good state is served.
 */
class DataDirProcessIT {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private EmulatorProcess start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", data().toString()));
        args.addAll(List.of(extra));
        return EmulatorProcess.start(tmp.resolve("logs"), args.toArray(String[]::new));
    }

    private static RegistryClient tenant(String base) {
        return new RegistryClient(
                base, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    @Test
    void aCleanStopAndRestartGivesBackEverything() throws Exception {
        byte[] layer = new byte[3 * 1024 * 1024 + 17];
        new Random(11).nextBytes(layer);
        RegistryClient c;
        RegistryClient.Pushed pushed;
        Map<String, String> before;
        try (EmulatorProcess first = start()) {
            c = tenant(first.base).login();
            c.createRegistry("devreg");
            c.createRegistry("second");
            assertThat(c.mgmt("POST", "/br-ne1/container-registry/v0/registries", "{\"name\":\"northeast\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(c.mgmt(
                                    "POST",
                                    "/v0/proxy-caches",
                                    "{\"name\":\"hub\",\"provider\":\"docker-hub\","
                                            + "\"url\":\"https://registry-1.docker.io\",\"description\":\"mirror\"}")
                            .status())
                    .isEqualTo(201);
            RegistryClient.Answer user = c.mgmt("POST", "/v0/users", null);
            assertThat(user.status()).isEqualTo(201);
            String devreg =
                    c.get("/v0/registries?_limit=100").json().findValue("id").asText();
            assertThat(c.mgmt(
                                    "POST",
                                    "/v0/registries/" + devreg + "/members",
                                    "{\"user_id\":\"" + user.json().get("id").asText() + "\",\"role\":\"guest\"}")
                            .status())
                    .isEqualTo(201);
            pushed = c.pushImage("devreg/team/app", "v1", layer);
            c.pushImage("devreg/team/app", "v2", "second image".getBytes(StandardCharsets.UTF_8));
            before = StateView.of(c);
            assertThat(first.stop()).as("a drained stop exits 0").isZero();
        }
        try (EmulatorProcess second = start()) {
            RegistryClient c2 = c.at(second.base).login();
            assertThat(StateView.of(c2)).isEqualTo(before);
            assertThat(c2.v2("GET", "/v2/devreg/team/app/blobs/" + pushed.layerDigest(), null, null)
                            .body())
                    .isEqualTo(layer);
            assertThat(c2.v2("GET", "/v2/devreg/team/app/manifests/v1", null, null)
                            .text())
                    .isEqualTo(pushed.manifest());
            assertThat(c2.get("/br-ne1/container-registry/v0/registries").text())
                    .contains("\"northeast\"");
            second.stop();
        }
    }

    @Test
    void killDashNineDuringManyConcurrentCreatesLosesNoAcknowledgedRegistry() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        RegistryClient c;
        try (EmulatorProcess p = start("--flush-interval", "0")) {
            c = tenant(p.base);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enough = new CountDownLatch(150);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String name = "c" + thread + "-" + i;
                        attempted.add(name);
                        try {
                            if (c.mgmt("POST", "/v0/registries", "{\"name\":\"" + name + "\"}")
                                            .status()
                                    == 201) {
                                acknowledged.add(name);
                                enough.countDown();
                            }
                        } catch (RuntimeException e) {
                            return; // the server died under us: this create was not acknowledged
                        }
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            p.kill(); // while the eight threads are still creating
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (EmulatorProcess again = start("--flush-interval", "0")) {
            Set<String> restored = registryNames(c.at(again.base));
            assertThat(restored).containsAll(acknowledged);
            assertThat(attempted).containsAll(restored); // nothing that was never asked for
            for (String name : restored) {
                JsonNode r = findRegistry(c.at(again.base), name);
                assertThat(r.get("id").asText()).isNotBlank();
                assertThat(r.get("created_at").asText()).isNotBlank();
            }
            assertThat(again.stderr()).doesNotContain("damaged");
            again.stop();
        }
    }

    @Test
    void killDashNineDuringPushesKeepsEveryAcknowledgedImageWhole() throws Exception {
        Map<String, RegistryClient.Pushed> acknowledged = new ConcurrentHashMap<>();
        Map<String, byte[]> layers = new ConcurrentHashMap<>();
        RegistryClient c;
        try (EmulatorProcess p = start("--flush-interval", "0")) {
            c = tenant(p.base).login();
            c.createRegistry("pushes");
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enough = new CountDownLatch(12);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 3; t++) {
                int thread = t;
                pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; !stop.get(); i++) {
                        byte[] layer = new byte[200_000 + random.nextInt(300_000)];
                        random.nextBytes(layer);
                        String tag = "t" + thread + "-" + i;
                        try {
                            RegistryClient.Pushed img = c.pushImage("pushes/app" + thread, tag, layer);
                            layers.put(img.layerDigest(), layer);
                            acknowledged.put("pushes/app" + thread + ":" + tag, img);
                            enough.countDown();
                        } catch (RuntimeException | AssertionError e) {
                            return;
                        }
                    }
                });
            }
            // and one large chunked upload that is still going when the process dies
            pool.submit(() -> {
                try {
                    RegistryClient.Answer s = c.v2("POST", "/v2/pushes/big/blobs/uploads/", null, null);
                    String location = s.header("Location");
                    byte[] chunk = new byte[1024 * 1024];
                    for (long sent = 0; !stop.get(); sent += chunk.length) {
                        RegistryClient.Answer a = c.v2(
                                "PATCH",
                                location,
                                "application/octet-stream",
                                chunk,
                                "Content-Range",
                                sent + "-" + (sent + chunk.length - 1));
                        if (a.status() != 202) return;
                        location = a.header("Location");
                    }
                } catch (RuntimeException e) {
                    // the server died under us
                }
            });
            assertThat(enough.await(180, TimeUnit.SECONDS)).isTrue();
            p.kill();
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (EmulatorProcess again = start("--flush-interval", "0")) {
            RegistryClient c2 = c.at(again.base).login();
            for (Map.Entry<String, RegistryClient.Pushed> e : acknowledged.entrySet()) {
                String[] ref = e.getKey().split(":");
                RegistryClient.Pushed img = e.getValue();
                assertThat(c2.v2("GET", "/v2/" + ref[0] + "/manifests/" + ref[1], null, null)
                                .text())
                        .as(e.getKey())
                        .isEqualTo(img.manifest());
                assertThat(c2.v2("GET", "/v2/" + ref[0] + "/blobs/" + img.layerDigest(), null, null)
                                .body())
                        .as(e.getKey() + " layer")
                        .isEqualTo(layers.get(img.layerDigest()));
            }
            // nothing half-written: every image the restarted server lists pulls whole
            JsonNode export = StateView.RegistryClientJson.read(
                    c2.get("/_emulator/export").body());
            int images = RestoredImages.pullEachWhole(c2, export);
            assertThat(images).isGreaterThanOrEqualTo(acknowledged.size());
            again.stop();
        }
        try (Stream<Path> uploads = Files.walk(data().resolve("uploads"))) {
            assertThat(uploads.filter(Files::isRegularFile).toList())
                    .as("no upload left over after a clean stop")
                    .isEmpty();
        }
    }

    @Test
    void aDamagedStateFileIsReportedAndTheLastGoodStateServed() throws Exception {
        RegistryClient c;
        try (EmulatorProcess p = start()) {
            c = tenant(p.base);
            c.createRegistry("before");
            p.stop();
        }
        try (EmulatorProcess p = start()) {
            c.at(p.base).createRegistry("after");
            p.stop();
        }
        Path newest;
        try (Stream<Path> s = Files.list(data().resolve("state"))) {
            newest = s.filter(f -> f.getFileName().toString().matches("state-\\d+\\.json"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
        byte[] raw = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(raw, raw.length / 2)); // a torn write
        try (EmulatorProcess p = start()) {
            Set<String> names = registryNames(c.at(p.base));
            assertThat(names).contains("before").doesNotContain("after");
            assertThat(p.stderr())
                    .contains(newest.getFileName().toString())
                    .contains("damaged")
                    .contains("last good state");
            p.stop();
        }
    }

    private static Set<String> registryNames(RegistryClient c) {
        Set<String> names = new HashSet<>();
        JsonNode export =
                StateView.RegistryClientJson.read(c.get("/_emulator/export").body());
        for (JsonNode r : export.get("registries")) names.add(r.get("name").asText());
        return names;
    }

    private static JsonNode findRegistry(RegistryClient c, String name) {
        JsonNode export =
                StateView.RegistryClientJson.read(c.get("/_emulator/export").body());
        for (JsonNode r : export.get("registries")) if (r.get("name").asText().equals(name)) return r;
        throw new AssertionError("no registry " + name);
    }
}
