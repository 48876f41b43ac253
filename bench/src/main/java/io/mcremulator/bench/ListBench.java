package io.mcremulator.bench;

import io.mcremulator.core.Emulator;
import io.mcremulator.core.Images;
import io.mcremulator.core.Region;
import io.mcremulator.core.RegionEngine;
import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.seed.SeedDocument;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The core's list and get paths without HTTP, in CPU time of the calling thread per operation (so the figure does
 * not depend on what else runs on the machine). Uses only the core's public API, so the same class runs against
 * an older core jar for before/after figures. Usage: {@code ListBench <label>}; prints JSON lines.
 */
public final class ListBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Principal USER = Principal.of("bench-tenant", "bench-user", null);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private ListBench() {}

    public static void main(String[] args) {
        String label = args[0];
        for (int n : new int[] {100, 10_000, 100_000}) {
            Emulator e = new Emulator();
            e.seed(new SeedDocument(List.of(), List.of(), registries(n, n == 10_000 ? 10_000 : 0)));
            RegionEngine engine = e.region(Region.DEFAULT);
            PageRequest byName = PageRequest.of(50, 0, "name:asc");
            report(label, "list-registries", n, i -> engine.registries().list(USER, byName, null));
            if (n == 10_000) {
                UUID reg = UUID.fromString(SeedGen.registryId(n));
                UUID repo = UUID.fromString(SeedGen.REPOSITORY_ID);
                PageRequest newest = PageRequest.of(50, 0, "pushed_at:desc");
                report(
                        label,
                        "list-images",
                        n,
                        i -> engine.images().list(USER, reg, Images.RepoRef.byId(repo), newest, null));
                UUID plain = UUID.fromString(SeedGen.registryId(2));
                report(label, "get-registry", n, i -> engine.registries().get(USER, plain));
                // Worst case of kept orders: every list follows a write (a create and a delete around it).
                report(label, "list-registries-after-write", n, i -> {
                    RegistryInfo tmp = engine.registries().create(USER, "tmp-" + i, null);
                    engine.registries().list(USER, byName, null);
                    engine.registries().delete(USER, tmp.id());
                });
                report(label, "create+delete-registry", n, i -> {
                    RegistryInfo tmp = engine.registries().create(USER, "tmq-" + i, null);
                    engine.registries().delete(USER, tmp.id());
                });
            }
        }
    }

    static List<SeedDocument.Registry> registries(int n, int images) {
        List<SeedDocument.Registry> regs = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            List<SeedDocument.Repository> repos = List.of();
            if (i == n && images > 0) {
                List<SeedDocument.Image> imgs = new ArrayList<>(images);
                for (int k = 1; k <= images; k++) {
                    imgs.add(new SeedDocument.Image(
                            SeedGen.digest(k), List.of("v" + k), 1000L + k, null, null, T0.plusSeconds(k), null, null));
                }
                repos = List.of(new SeedDocument.Repository(
                        UUID.fromString(SeedGen.REPOSITORY_ID), "bench/app", null, null, imgs));
            }
            regs.add(new SeedDocument.Registry(
                    null,
                    USER.tenantId(),
                    UUID.fromString(SeedGen.registryId(i)),
                    String.format("reg-%07d", i),
                    null,
                    T0.plusSeconds(n - i),
                    null,
                    repos));
        }
        return regs;
    }

    /** Warms up for 0.5 s of CPU, then runs for 1.5 s of CPU (at most 200 000 calls) and prints CPU µs per call. */
    static void report(String label, String op, int n, IntConsumer call) {
        run(call, 500_000_000L, 0);
        long[] r = run(call, 1_500_000_000L, 1_000_000);
        System.out.println(String.format(
                Locale.ROOT,
                "{\"variant\":\"%s\",\"op\":\"%s\",\"n\":%d,\"calls\":%d,\"cpu_us_per_call\":%.2f}",
                label,
                op,
                n,
                r[0],
                r[1] / 1000.0 / r[0]));
    }

    private static long[] run(IntConsumer call, long cpuBudgetNanos, int offset) {
        long start = THREADS.getCurrentThreadCpuTime();
        long calls = 0;
        long used = 0;
        while (used < cpuBudgetNanos && calls < 200_000) {
            call.accept((int) (offset + calls));
            calls++;
            if ((calls & 7) == 0 || calls < 8) used = THREADS.getCurrentThreadCpuTime() - start;
        }
        return new long[] {calls, THREADS.getCurrentThreadCpuTime() - start};
    }
}
