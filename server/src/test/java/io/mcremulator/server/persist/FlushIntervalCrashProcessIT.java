package io.mcremulator.server.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcremulator.server.support.TestDigests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A crash loses at most one {@code --flush-interval}", with {@code kill -9} of the standalone jar as a real process
 * and a short interval (not write-through): every write acknowledged before a save that covers it (the health check's
 * {@code persistence.savedChanges} reached the {@code changes} counter read after the write) is back after the
 * restart, exactly; a kill in the middle of a burst of writes loads a consistent earlier snapshot (each writer's
 * sequence of creates comes back as a prefix, images pull whole, nothing that was never asked for) and the server
 * starts and says what it loaded.
 */
class FlushIntervalCrashProcessIT {
    private static final String INTERVAL = "300ms";

    @TempDir
    Path tmp;

    private EmulatorProcess start() throws Exception {
        return EmulatorProcess.start(
                tmp.resolve("logs"), "--data-dir", tmp.resolve("data").toString(), "--flush-interval", INTERVAL);
    }

    private static RegistryClient tenant(String base) {
        return new RegistryClient(
                base, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private static JsonNode persistence(RegistryClient c) {
        RegistryClient.Answer health = c.get("/_emulator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode p = health.json().get("persistence");
        assertThat(p).as("health shows the data dir's status").isNotNull();
        return p;
    }

    /** Waits (bounded) until a save covers every change made so far; returns the changes counter it covered. */
    private static long awaitCoveringSave(RegistryClient c) {
        long changes = persistence(c).get("changes").asLong();
        await(
                "a save covers change " + changes,
                () -> persistence(c).get("savedChanges").asLong() >= changes);
        return changes;
    }

    /** Polls every 20 ms, for at most 60 s (the flush interval is 300 ms). */
    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out (60 s) waiting until " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    @Test
    void killDashNineAfterACoveringSaveLosesNothingThatWasAcknowledged() throws Exception {
        byte[] layer = new byte[700_000];
        new Random(5).nextBytes(layer);
        RegistryClient c;
        RegistryClient.Pushed pushed;
        Map<String, String> acknowledged;
        long covered;
        try (EmulatorProcess p = start()) {
            c = tenant(p.base).login();
            c.createRegistry("alpha");
            c.createRegistry("beta");
            String gamma = c.createRegistry("gamma");
            assertThat(c.mgmt("DELETE", "/v0/registries/" + gamma, null).status())
                    .isEqualTo(204);
            assertThat(c.mgmt(
                                    "POST",
                                    "/v0/proxy-caches",
                                    "{\"name\":\"hub\",\"provider\":\"docker-hub\","
                                            + "\"url\":\"https://registry-1.docker.io\"}")
                            .status())
                    .isEqualTo(201);
            pushed = c.pushImage("alpha/team/app", "v1", layer);
            c.pushImage("alpha/team/app", "v2", "small".getBytes(StandardCharsets.UTF_8));
            c.pushImage("beta/tool", "latest", "tool".getBytes(StandardCharsets.UTF_8));
            acknowledged = StateView.of(c); // what the server answered; reading it may create nothing new
            covered = awaitCoveringSave(c);
            assertThat(persistence(c).get("lastSavedAt").asText()).isNotBlank();
            p.kill(); // kill -9: no shutdown hook, no last save
        }
        try (EmulatorProcess again = start()) {
            RegistryClient c2 = c.at(again.base).login();
            assertThat(StateView.of(c2)).isEqualTo(acknowledged);
            assertThat(c2.v2("GET", "/v2/alpha/team/app/blobs/" + pushed.layerDigest(), null, null)
                            .body())
                    .isEqualTo(layer);
            assertThat(c2.v2("GET", "/v2/alpha/team/app/manifests/v1", null, null)
                            .text())
                    .isEqualTo(pushed.manifest());
            JsonNode p = persistence(c2);
            assertThat(p.get("loadedGeneration").asLong()).isPositive();
            assertThat(again.stderr())
                    .contains("loaded saved state generation "
                            + p.get("loadedGeneration").asLong())
                    .contains("2 registries, 2 repositories, 3 images")
                    .doesNotContain("damaged");
            assertThat(covered).isPositive();
            again.stop();
        }
    }

    @Test
    void killDashNineMidBurstLoadsAConsistentEarlierSnapshotAndStarts() throws Exception {
        int writers = 6;
        Map<Integer, List<String>> acknowledgedInOrder = new ConcurrentHashMap<>();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Map<String, byte[]> pushedLayers = new ConcurrentHashMap<>();
        Set<String> guaranteed = new HashSet<>();
        RegistryClient c;
        try (EmulatorProcess p = start()) {
            c = tenant(p.base).login();
            c.createRegistry("burst");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger creates = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
            for (int t = 0; t < writers; t++) {
                int writer = t;
                List<String> mine = java.util.Collections.synchronizedList(new ArrayList<>());
                acknowledgedInOrder.put(writer, mine);
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String name = "w" + writer + "-" + i; // each writer creates one after the other
                        attempted.add(name);
                        try {
                            if (c.mgmt("POST", "/v0/registries", "{\"name\":\"" + name + "\"}")
                                            .status()
                                    != 201) return;
                        } catch (RuntimeException e) {
                            return; // the server died under us: not acknowledged
                        }
                        mine.add(name);
                        creates.incrementAndGet();
                    }
                });
            }
            pool.submit(
                    () -> { // and pushes, one after the other
                        Random random = new Random(3);
                        for (int i = 0; !stop.get(); i++) {
                            byte[] layer = new byte[50_000 + random.nextInt(200_000)];
                            random.nextBytes(layer);
                            try {
                                c.pushImage("burst/app", "t" + i, layer);
                            } catch (RuntimeException | AssertionError e) {
                                return;
                            }
                            pushedLayers.put(TestDigests.sha256(layer), layer);
                        }
                    });
            await("the burst is under way", () -> creates.get() >= 60);
            // everything acknowledged up to here must survive once a save covers it
            for (List<String> mine : acknowledgedInOrder.values()) {
                synchronized (mine) {
                    guaranteed.addAll(mine);
                }
            }
            awaitCoveringSave(c);
            int atCover = creates.get();
            await("more writes after the covering save", () -> creates.get() >= atCover + 60);
            p.kill(); // kill -9 while the writers keep writing
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (EmulatorProcess again = start()) {
            RegistryClient c2 = c.at(again.base).login();
            JsonNode export = StateView.RegistryClientJson.read(
                    c2.get("/_emulator/export").body());
            Set<String> restored = new HashSet<>();
            for (JsonNode r : export.get("registries")) {
                restored.add(r.get("name").asText());
                assertThat(r.get("id").asText()).isNotBlank();
                assertThat(r.get("created_at").asText()).isNotBlank();
            }
            assertThat(restored).containsAll(guaranteed);
            restored.remove("burst");
            assertThat(attempted).containsAll(restored); // nothing that was never asked for
            // a snapshot of one moment: each writer's creates come back as a prefix of what it attempted
            Map<Integer, Integer> count = new HashMap<>();
            for (String name : restored)
                count.merge(Integer.parseInt(name.substring(1, name.indexOf('-'))), 1, Integer::sum);
            for (Map.Entry<Integer, Integer> e : count.entrySet())
                for (int i = 0; i < e.getValue(); i++)
                    assertThat(restored)
                            .as("writer " + e.getKey() + " restored as a prefix")
                            .contains("w" + e.getKey() + "-" + i);
            // every restored image pulls whole
            int images = RestoredImages.pullEachWhole(c2, export);
            assertThat(again.stderr())
                    .contains("loaded saved state generation")
                    .contains(images + " images")
                    .doesNotContain("damaged");
            again.stop();
        }
    }
}
