package io.mcremulator.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes seed documents (format of {@code POST /_emulator/seed}) for the HTTP benchmarks, with fixed ids so the
 * load scripts know their paths:
 * {@code SeedGen <out.json> <tenant> <registries> <imagesInFirstRegistry>}.
 * Registry {@code i} is {@code reg-%07d} with id {@link #registryId(int)}; when images are asked for, the last
 * registry (off the first page by name) holds repository {@code bench/app} (id {@link #REPOSITORY_ID}) with that many tagged images.
 */
public final class SeedGen {
    public static final String REPOSITORY_ID = "00000000-0000-4000-9000-000000000001";
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private SeedGen() {}

    public static String registryId(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    public static String digest(long i) {
        return "sha256:" + String.format("%064x", i);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SeedGen <out.json> <tenant> <registries> <imagesInFirstRegistry>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String tenant = args[1];
        int registries = Integer.parseInt(args[2]);
        int images = Integer.parseInt(args[3]);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\"registries\":[");
            for (int i = 1; i <= registries; i++) {
                if (i > 1) w.write(',');
                // Creation times go backwards so that name order and creation order differ.
                w.write("{\"tenant\":\"" + tenant + "\",\"id\":\"" + registryId(i) + "\",\"name\":\""
                        + String.format("reg-%07d", i) + "\",\"created_at\":\"" + EPOCH.plusSeconds(registries - i)
                        + "\"");
                if (i == registries && images > 0) {
                    w.write(",\"repositories\":[{\"id\":\"" + REPOSITORY_ID + "\",\"name\":\"bench/app\",\"images\":[");
                    for (int k = 1; k <= images; k++) {
                        if (k > 1) w.write(',');
                        w.write("{\"digest\":\"" + digest(k) + "\",\"tags\":[\"v" + k + "\"],\"size_bytes\":"
                                + (1000L + k) + ",\"pushed_at\":\"" + EPOCH.plusSeconds(k) + "\"}");
                    }
                    w.write("]}]");
                }
                w.write('}');
            }
            w.write("]}");
        }
    }
}
