package io.mcremulator.bench;

import io.mcremulator.core.Emulator;
import io.mcremulator.core.seed.SeedDocument;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Memory per registry and per image, and seeding time, measured in-process on the core API (no HTTP, no JSON):
 * heap after a full GC before and after loading, divided by the count.
 * Prints one JSON object. Usage: {@code ScaleBench <registries> <images>} (images are loaded in batches).
 */
public final class ScaleBench {
    private ScaleBench() {}

    public static void main(String[] args) {
        int registries = Integer.parseInt(args[0]);
        int images = Integer.parseInt(args[1]);
        int imagesPerRepo = 1000;
        int reposPerRegistry = 10;
        int batchImages = 100_000;

        Emulator registryEmulator = new Emulator();
        long before = usedAfterGc();
        var threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        List<SeedDocument.Registry> regs = new ArrayList<>(registries);
        for (int i = 0; i < registries; i++) {
            regs.add(new SeedDocument.Registry(
                    null,
                    "tenant-" + (i % 10),
                    UUID.randomUUID(),
                    String.format("r%07d", i),
                    null,
                    null,
                    null,
                    List.of()));
        }
        registryEmulator.seed(new SeedDocument(List.of(), List.of(), regs));
        long registrySeedNanos = System.nanoTime() - t0;
        long registrySeedCpu = threads.getCurrentThreadCpuTime() - cpu0;
        regs = null;
        long afterRegistries = usedAfterGc();
        long perRegistry = (afterRegistries - before) / registries;

        Emulator imageEmulator = new Emulator();
        long beforeImages = usedAfterGc();
        long imageSeedNanos = 0;
        long imageSeedCpu = 0;
        int loaded = 0;
        int regIndex = 0;
        Instant pushed = Instant.parse("2024-01-01T00:00:00Z");
        while (loaded < images) {
            List<SeedDocument.Registry> batch = new ArrayList<>();
            int inBatch = 0;
            while (inBatch < batchImages && loaded + inBatch < images) {
                List<SeedDocument.Repository> repos = new ArrayList<>();
                for (int r = 0; r < reposPerRegistry && loaded + inBatch < images; r++) {
                    List<SeedDocument.Image> imgs = new ArrayList<>(imagesPerRepo);
                    for (int k = 0; k < imagesPerRepo && loaded + inBatch < images; k++, inBatch++) {
                        long n = loaded + inBatch;
                        imgs.add(new SeedDocument.Image(
                                SeedGen.digest(n),
                                List.of("v" + k),
                                1000L + n,
                                null,
                                null,
                                pushed.plusSeconds(n),
                                null,
                                null));
                    }
                    repos.add(new SeedDocument.Repository(null, "team/app" + r, null, null, imgs));
                }
                batch.add(new SeedDocument.Registry(
                        null,
                        "tenant-" + (regIndex % 10),
                        null,
                        String.format("img%06d", regIndex++),
                        null,
                        null,
                        null,
                        repos));
            }
            SeedDocument doc = new SeedDocument(List.of(), List.of(), batch);
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            imageEmulator.seed(doc);
            imageSeedNanos += System.nanoTime() - s;
            imageSeedCpu += threads.getCurrentThreadCpuTime() - c;
            loaded += inBatch;
        }
        long afterImages = usedAfterGc();
        // The registries and repositories that hold the images are a small part; subtract them at their own measured
        // cost.
        long perImage = (afterImages - beforeImages - (long) regIndex * perRegistry) / images;

        System.out.println(String.format(
                Locale.ROOT,
                "{\"registries\":%d,\"bytes_per_registry\":%d,\"registry_seed_ms\":%.1f,\"registry_seed_cpu_ms\":%.1f,"
                        + "\"images\":%d,\"image_registries\":%d,\"images_per_repository\":%d,\"bytes_per_image\":%d,"
                        + "\"image_seed_ms\":%.1f,\"image_seed_cpu_ms\":%.1f,\"heap_images_mib\":%.1f,\"heap_max_mib\":%d}",
                registries,
                perRegistry,
                registrySeedNanos / 1e6,
                registrySeedCpu / 1e6,
                images,
                regIndex,
                imagesPerRepo,
                perImage,
                imageSeedNanos / 1e6,
                imageSeedCpu / 1e6,
                (afterImages - beforeImages) / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20));
        // Keep both engines reachable until here so the GC cannot collect what was measured.
        if (registryEmulator.config() == null || imageEmulator.config() == null) throw new AssertionError();
    }

    static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(
                        50); // lets the concurrent GC threads finish between cycles (a measurement, not a test sync)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
